// office-addin-mock imports office-addin-manifest only for this enum; the real package's
// dependency chain is ESM-only and does not load under Jest (office-addin-manifest 3 → uuid 14,
// strip-bom 5), so jest.config.js maps the package to this stub.
module.exports = { OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } };
