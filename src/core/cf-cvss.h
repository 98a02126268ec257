/* cf-cvss.h — CVSS v3.0 and v3.1 base vectors and their scores
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char   *vector;     /* as normalised: "CVSS:3.1/AV:N/AC:L/..." in the specification's order */
  char   *version;    /* "3.0" or "3.1" */
  double  base_score; /* 0.0 – 10.0 */
  char   *severity;   /* "NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL" */
  /* The eight base metrics' letters, for advisories that spell them out. */
  char    av, ac, pr, ui, s, c, i, a;
} CfCvss;

void    cf_cvss_free  (CfCvss     *cvss);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfCvss, cf_cvss_free)

CfCvss *cf_cvss_parse (const char *vector,
                       GError    **error);

const char *cf_cvss_severity_label (const char *severity);

G_END_DECLS
