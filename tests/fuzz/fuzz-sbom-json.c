/* fuzz-sbom-json.c — libFuzzer target for the SBOM readers, seeded with
 * JSON: CycloneDX, SPDX 2 and SPDX 3 (corpus/json, json.dict)
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "fuzz-sbom.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return cf_fuzz_sbom_one_input (data, size);
}
