// office-addin-mock imports office-addin-manifest only for this enum; the real package's
// dependency chain is ESM-only and does not load under Jest (see ../shared/spec/TOOLING-FACTS.md).
module.exports = { OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } };
