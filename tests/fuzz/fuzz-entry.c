/* fuzz-entry.c — one target as a libFuzzer program
 *
 * meson.build compiles this once per target, with CF_FUZZ_TARGET set to
 * the target's function in fuzz.h.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return CF_FUZZ_TARGET (data, size);
}
