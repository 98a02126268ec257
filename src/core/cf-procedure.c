/* cf-procedure.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-procedure"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-procedure.h"

G_DEFINE_ENUM_TYPE (CfProcedure, cf_procedure,
  G_DEFINE_ENUM_VALUE (CF_PROCEDURE_MODULE_A, "module-a"),
  G_DEFINE_ENUM_VALUE (CF_PROCEDURE_MODULE_B_C, "module-b+c"),
  G_DEFINE_ENUM_VALUE (CF_PROCEDURE_MODULE_H, "module-h"),
  G_DEFINE_ENUM_VALUE (CF_PROCEDURE_CERTIFICATION, "eucc"))

/* The ids are stored in the database, printed in JSON and accepted by the
 * CLI: never change them. Labels and descriptions are paraphrases of
 * Article 32(1) and the module definitions of Annex VIII, not the
 * regulation's wording. */
static const struct {
  const char *id;
  const char *label;
  const char *description;
  gboolean    notified_body;
} procedures[] = {
  [CF_PROCEDURE_MODULE_A] = {
    "module-a",
    N_("Internal control (module A)"),
    N_("Internal control (module A) as set out in Annex VIII, Part I, of Regulation (EU) 2024/2847"),
    FALSE },
  [CF_PROCEDURE_MODULE_B_C] = {
    "module-b+c",
    N_("EU-type examination and conformity to type (modules B and C)"),
    N_("EU-type examination (module B) as set out in Annex VIII, Part II, followed by conformity to "
       "EU-type based on internal production control (module C) as set out in Annex VIII, Part III, "
       "of Regulation (EU) 2024/2847"),
    TRUE },
  [CF_PROCEDURE_MODULE_H] = {
    "module-h",
    N_("Full quality assurance (module H)"),
    N_("Conformity assessment based on full quality assurance (module H) as set out in Annex VIII, "
       "Part IV, of Regulation (EU) 2024/2847"),
    TRUE },
  [CF_PROCEDURE_CERTIFICATION] = {
    "eucc",
    N_("European cybersecurity certification scheme"),
    N_("European cybersecurity certification scheme pursuant to Article 27(9) of "
       "Regulation (EU) 2024/2847"),
    FALSE },
};

const char *
cf_procedure_to_id (CfProcedure procedure)
{
  g_return_val_if_fail (procedure <= CF_PROCEDURE_CERTIFICATION, NULL);

  return procedures[procedure].id;
}

/* Spellings of the first release, before the ids were settled; scripts
 * written then keep working. */
static const struct {
  const char  *id;
  CfProcedure  procedure;
} aliases[] = {
  { "module-b-c", CF_PROCEDURE_MODULE_B_C },
  { "certification", CF_PROCEDURE_CERTIFICATION },
};

gboolean
cf_procedure_from_id (const char  *id,
                      CfProcedure *procedure)
{
  for (guint i = 0; i < G_N_ELEMENTS (procedures); i++)
    if (g_strcmp0 (procedures[i].id, id) == 0)
      {
        *procedure = i;
        return TRUE;
      }

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_strcmp0 (aliases[i].id, id) == 0)
      {
        *procedure = aliases[i].procedure;
        return TRUE;
      }

  return FALSE;
}

const char *
cf_procedure_get_label (CfProcedure procedure)
{
  g_return_val_if_fail (procedure <= CF_PROCEDURE_CERTIFICATION, NULL);

  return _(procedures[procedure].label);
}

const char *
cf_procedure_get_description (CfProcedure procedure)
{
  g_return_val_if_fail (procedure <= CF_PROCEDURE_CERTIFICATION, NULL);

  return _(procedures[procedure].description);
}

/* Annex V point 7: a notified body takes part in modules B+C and H. */
gboolean
cf_procedure_needs_notified_body (CfProcedure procedure)
{
  g_return_val_if_fail (procedure <= CF_PROCEDURE_CERTIFICATION, FALSE);

  return procedures[procedure].notified_body;
}

/**
 * cf_procedure_list_ids:
 *
 * Returns: the accepted ids, separated by ", ", for messages and --help
 */
const char *
cf_procedure_list_ids (void)
{
  return "module-a, module-b+c, module-h, eucc";
}
