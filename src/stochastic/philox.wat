;; Philox4x32-10 in bulk (src/stochastic/philoxWasm.ts holds these bytes; philoxWasm.test.ts
;; assembles this text again and compares). Block i of a batch is six little-endian i32 words at
;; byte 24 × i of the memory: counter c0 c1 c2 c3, then key k0 k1. blocks(n) overwrites words 0–3
;; of blocks 0 .. n − 1 with their Philox4x32-10 output. One round, as Random123 defines it:
;;   q0 = M0 × x0 and q1 = M1 × x2 (64-bit products of unsigned words: one i64.mul each),
;;   x0' = hi(q1) ^ x1 ^ k0,  x1' = lo(q1),  x2' = hi(q0) ^ x3 ^ k1,  x3' = lo(q0),
;; then the key is bumped by the Weyl constants W0 = 0x9e3779b9 and W1 = 0xbb67ae85 (after the
;; tenth round the bump is unused). WebAssembly integer arithmetic is exactly specified (wrapping
;; i32 add, i64 mul modulo 2^64), so every engine gives the same words as the JS philox4x32.
;;
;; draw(...) is a simulation's draws for whole years (src/stochastic/simulate.ts): for each year,
;; each of its events and each active row, the block of counter [year, event, h1, position] and
;; key [seed, h2] (the same block `blocks` computes), its hit (the integer numerator of the hit
;; uniform, (x0 >>> 5) 2^26 + (x1 >>> 6), below the row's p × 2^53) and, for a row that hits, its
;; slot and loss uniform ((x2 >>> 5) 2^26 + (x3 >>> 6)) × 2^−53: the doubles philox.ts's
;; uniform53 gives (an integer below 2^53 converts exactly; × 2^−53 is exact). Float conversion
;; and comparison are exactly specified too, so every engine draws the same hits.
;; Bytes (addresses are parameters): rows, 24 a slot (h1 i32, position i32, h2 i32, unused i32,
;; p × 2^53 f64); counts, one i32 a year; ends, one i32 an event (written: the hits so far, from
;; `hits`); hits, 16 a hit (slot i32, unused i32, u f64; written, one entry beyond the last hit
;; may be overwritten with a row that did not hit: room for one entry a block).
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
  (func (export "draw") (param $y0 i32) (param $years i32) (param $counts i32) (param $ends i32)
        (param $hits i32) (param $rows i32) (param $nActive i32) (param $seed i32)
    (local $yi i32) (local $n i32) (local $e i32) (local $j i32) (local $rp i32) (local $rowsEnd i32)
    (local $hp i32) (local $x0 i32) (local $x1 i32) (local $x2 i32) (local $x3 i32)
    (local $k0 i32) (local $k1 i32) (local $r i32) (local $q0 i64) (local $q1 i64)
    (local.set $hp (local.get $hits))
    (local.set $rowsEnd (i32.add (local.get $rows) (i32.mul (local.get $nActive) (i32.const 24))))
    (block $yearsDone
      (loop $year
        (br_if $yearsDone (i32.ge_u (local.get $yi) (local.get $years)))
        (local.set $n (i32.load (i32.add (local.get $counts) (i32.shl (local.get $yi) (i32.const 2)))))
        (local.set $e (i32.const 0))
        (block $eventsDone
          (loop $event
            (br_if $eventsDone (i32.ge_u (local.get $e) (local.get $n)))
            (local.set $rp (local.get $rows))
            (local.set $j (i32.const 0))
            (block $rowsDone
              (loop $row
                (br_if $rowsDone (i32.ge_u (local.get $rp) (local.get $rowsEnd)))
                ;; counter [y0 + yi, e, h1, position], key [seed, h2]
                (local.set $x0 (i32.add (local.get $y0) (local.get $yi)))
                (local.set $x1 (local.get $e))
                (local.set $x2 (i32.load offset=0 (local.get $rp)))
                (local.set $x3 (i32.load offset=4 (local.get $rp)))
                (local.set $k0 (local.get $seed))
                (local.set $k1 (i32.load offset=8 (local.get $rp)))
                (local.set $r (i32.const 10))
                (loop $round
                  (local.set $q0 (i64.mul (i64.extend_i32_u (local.get $x0)) (i64.const 0xd2511f53)))
                  (local.set $q1 (i64.mul (i64.extend_i32_u (local.get $x2)) (i64.const 0xcd9e8d57)))
                  (local.set $x0 (i32.xor (i32.xor (i32.wrap_i64 (i64.shr_u (local.get $q1) (i64.const 32))) (local.get $x1)) (local.get $k0)))
                  (local.set $x1 (i32.wrap_i64 (local.get $q1)))
                  (local.set $x2 (i32.xor (i32.xor (i32.wrap_i64 (i64.shr_u (local.get $q0) (i64.const 32))) (local.get $x3)) (local.get $k1)))
                  (local.set $x3 (i32.wrap_i64 (local.get $q0)))
                  (local.set $k0 (i32.add (local.get $k0) (i32.const 0x9e3779b9)))
                  (local.set $k1 (i32.add (local.get $k1) (i32.const 0xbb67ae85)))
                  (br_if $round (local.tee $r (i32.sub (local.get $r) (i32.const 1)))))
                ;; the slot and the loss uniform, written whether or not the row hits (no branch)
                (i32.store offset=0 (local.get $hp) (local.get $j))
                (f64.store offset=8 (local.get $hp)
                  (f64.mul
                    (f64.convert_i64_u
                      (i64.or
                        (i64.shl (i64.extend_i32_u (i32.shr_u (local.get $x2) (i32.const 5))) (i64.const 26))
                        (i64.extend_i32_u (i32.shr_u (local.get $x3) (i32.const 6)))))
                    (f64.const 0x1p-53)))
                ;; a hit keeps the entry: hp += 16 when the hit numerator is below p × 2^53
                (local.set $hp
                  (i32.add (local.get $hp)
                    (i32.shl
                      (f64.lt
                        (f64.convert_i64_u
                          (i64.or
                            (i64.shl (i64.extend_i32_u (i32.shr_u (local.get $x0) (i32.const 5))) (i64.const 26))
                            (i64.extend_i32_u (i32.shr_u (local.get $x1) (i32.const 6)))))
                        (f64.load offset=16 (local.get $rp)))
                      (i32.const 4))))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (local.set $rp (i32.add (local.get $rp) (i32.const 24)))
                (br $row)))
            ;; the event's end: the hits drawn so far
            (i32.store (local.get $ends) (i32.shr_u (i32.sub (local.get $hp) (local.get $hits)) (i32.const 4)))
            (local.set $ends (i32.add (local.get $ends) (i32.const 4)))
            (local.set $e (i32.add (local.get $e) (i32.const 1)))
            (br $event)))
        (local.set $yi (i32.add (local.get $yi) (i32.const 1)))
        (br $year)))
  )
)
