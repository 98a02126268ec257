/* cf-sbom-diff.h — what changed between two SBOMs
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-sbom.h"

G_BEGIN_DECLS

typedef enum
{
  CF_SBOM_CHANGE_ADDED,
  CF_SBOM_CHANGE_REMOVED,
  CF_SBOM_CHANGE_VERSION_CHANGED,
} CfSbomChangeKind;

/* Components are matched by purl without its version ("pkg:npm/lodash"),
 * else by (type, supplier-or-group, name); a component that appears with
 * several versions on one side is matched version by version. */
typedef struct
{
  CfSbomChangeKind kind;
  const CfSbomComponent *old_component;   /* NULL when added; borrowed from the old SBOM */
  const CfSbomComponent *new_component;   /* NULL when removed; borrowed from the new SBOM */
} CfSbomChange;

/* Returns CfSbomChange* (owned by the array; components borrowed), sorted by
 * component name, then kind. Components present in both with the same
 * version are not listed. */
GPtrArray *cf_sbom_diff (const CfSbom *old_sbom,
                         const CfSbom *new_sbom);

G_END_DECLS
