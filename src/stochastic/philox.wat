;; Philox4x32-10 in bulk (src/stochastic/philoxWasm.ts holds these bytes; philoxWasm.test.ts
;; assembles this text again and compares). Block i of a batch is six little-endian i32 words at
;; byte 24 × i of the memory: counter c0 c1 c2 c3, then key k0 k1. blocks(n) overwrites words 0–3
;; of blocks 0 .. n − 1 with their Philox4x32-10 output. One round, as Random123 defines it:
;;   q0 = M0 × x0 and q1 = M1 × x2 (64-bit products of unsigned words: one i64.mul each),
;;   x0' = hi(q1) ^ x1 ^ k0,  x1' = lo(q1),  x2' = hi(q0) ^ x3 ^ k1,  x3' = lo(q0),
;; then the key is bumped by the Weyl constants W0 = 0x9e3779b9 and W1 = 0xbb67ae85 (after the
;; tenth round the bump is unused). WebAssembly integer arithmetic is exactly specified (wrapping
;; i32 add, i64 mul modulo 2^64), so every engine gives the same words as the JS philox4x32.
(module
  (memory (export "memory") 1)
  (func (export "blocks") (param $n i32)
    (local $p i32) (local $end i32)
    (local $x0 i32) (local $x1 i32) (local $x2 i32) (local $x3 i32)
    (local $k0 i32) (local $k1 i32) (local $r i32)
    (local $q0 i64) (local $q1 i64)
    ;; body
    local.get $n
    i32.const 24
    i32.mul
    local.set $end          ;; end = 24 n (bytes)
    block
      loop
        local.get $p
        local.get $end
        i32.ge_u
        br_if 1             ;; p >= end: done
        local.get $p
        i32.load offset=0
        local.set $x0
        local.get $p
        i32.load offset=4
        local.set $x1
        local.get $p
        i32.load offset=8
        local.set $x2
        local.get $p
        i32.load offset=12
        local.set $x3
        local.get $p
        i32.load offset=16
        local.set $k0
        local.get $p
        i32.load offset=20
        local.set $k1
        i32.const 10
        local.set $r         ;; ten rounds
        loop
          local.get $x0
          i64.extend_i32_u
          i64.const 0xd2511f53
          i64.mul
          local.set $q0      ;; q0 = M0 × x0
          local.get $x2
          i64.extend_i32_u
          i64.const 0xcd9e8d57
          i64.mul
          local.set $q1      ;; q1 = M1 × x2
          local.get $q1
          i64.const 32
          i64.shr_u
          i32.wrap_i64
          local.get $x1
          i32.xor
          local.get $k0
          i32.xor
          local.set $x0      ;; x0 = hi(q1) ^ x1 ^ k0
          local.get $q1
          i32.wrap_i64
          local.set $x1      ;; x1 = lo(q1)
          local.get $q0
          i64.const 32
          i64.shr_u
          i32.wrap_i64
          local.get $x3
          i32.xor
          local.get $k1
          i32.xor
          local.set $x2      ;; x2 = hi(q0) ^ x3 ^ k1
          local.get $q0
          i32.wrap_i64
          local.set $x3      ;; x3 = lo(q0)
          local.get $k0
          i32.const 0x9e3779b9
          i32.add
          local.set $k0      ;; k0 += W0
          local.get $k1
          i32.const 0xbb67ae85
          i32.add
          local.set $k1      ;; k1 += W1
          local.get $r
          i32.const 1
          i32.sub
          local.tee $r
          br_if 0            ;; next round while r != 0
        end
        local.get $p
        local.get $x0
        i32.store offset=0
        local.get $p
        local.get $x1
        i32.store offset=4
        local.get $p
        local.get $x2
        i32.store offset=8
        local.get $p
        local.get $x3
        i32.store offset=12
        local.get $p
        i32.const 24
        i32.add
        local.set $p         ;; next block
        br 0
      end
    end
    ;; /body
  )
)
