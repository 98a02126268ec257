/* cf-procedure.h — the conformity assessment procedures of Article 32
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CF_PROCEDURE_MODULE_A,       /* internal control, Annex VIII Part I */
  CF_PROCEDURE_MODULE_B_C,     /* EU-type examination + conformity to type, Parts II and III */
  CF_PROCEDURE_MODULE_H,       /* full quality assurance, Part IV */
  CF_PROCEDURE_CERTIFICATION,  /* European cybersecurity certification scheme, Art. 27(9) */
} CfProcedure;

#define CF_TYPE_PROCEDURE (cf_procedure_get_type ())
GType        cf_procedure_get_type            (void) G_GNUC_CONST;

const char  *cf_procedure_to_id               (CfProcedure  procedure);
gboolean     cf_procedure_from_id             (const char  *id,
                                               CfProcedure *procedure);
const char  *cf_procedure_get_label           (CfProcedure  procedure);
const char  *cf_procedure_get_description     (CfProcedure  procedure);
gboolean     cf_procedure_needs_notified_body (CfProcedure  procedure);
const char  *cf_procedure_list_ids            (void);

G_END_DECLS
