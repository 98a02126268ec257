/* fuzz-sbom-xml.c — libFuzzer target for the SBOM readers, seeded with
 * CycloneDX XML and other XML (corpus/xml, xml.dict)
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
