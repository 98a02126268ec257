/* cf-sbom-check.h — what an SBOM lacks against BSI TR-03183-2
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-sbom.h"

G_BEGIN_DECLS

typedef enum
{
  CF_SBOM_LEVEL_REQUIRED,     /* TR-03183-2 "MUST" */
  CF_SBOM_LEVEL_RECOMMENDED,  /* TR-03183-2 "SHOULD" / additional fields */
} CfSbomLevel;

/* One field the SBOM or a component lacks. The ids are a contract (CLI
 * JSON): "sbom.creator", "sbom.timestamp", "component.name",
 * "component.version", "component.creator", "component.licence",
 * "component.hash-sha512", "component.dependencies", "component.identifier"
 * (purl or CPE), and whatever else docs/SBOM.md lists. */
typedef struct
{
  char        *id;
  CfSbomLevel  level;
  char        *message;        /* translated, names the component when there is one */
  gint         component;      /* index into sbom->components, or -1 for the SBOM itself */
} CfSbomFinding;

/* The result: every finding, and how many were checked and met per field. */
typedef struct
{
  GPtrArray *findings;          /* CfSbomFinding*, owned; SBOM-level first, then by component */
  guint      score;             /* 0–100: share of required checks met, recommended ones weighing half */
  guint      n_required_checks;
  guint      n_required_met;
  guint      n_recommended_checks;
  guint      n_recommended_met;
  GPtrArray *fields;            /* CfSbomFieldSummary*, owned: one per field id, in a fixed order */
} CfSbomCheck;

typedef struct
{
  const char  *id;             /* static */
  const char  *label;          /* translated, static */
  CfSbomLevel  level;
  guint        checked;        /* components (or 1 for SBOM-level fields) */
  guint        met;
} CfSbomFieldSummary;

CfSbomCheck *cf_sbom_check      (const CfSbom *sbom);
void         cf_sbom_check_free (CfSbomCheck *check);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfSbomCheck, cf_sbom_check_free)

G_END_DECLS
