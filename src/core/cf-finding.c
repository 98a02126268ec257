/* cf-finding.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-finding"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-error.h"
#include "cf-field.h"
#include "cf-finding.h"

typedef struct
{
  const char *id;
  const char *label;
} Choice;

static const Choice severities[] = {
  { "conformant", N_("Conformant") },
  { "minor", N_("Minor non-conformity") },
  { "major", N_("Major non-conformity") },
  { "observation", N_("Observation") },
};

static const Choice statuses[] = {
  { "open", N_("Open") },
  { "answered", N_("Answered") },
  { "closed", N_("Closed") },
};

static const char * const severity_ids[] = { "conformant", "minor", "major", "observation", NULL };
static const char * const status_ids[] = { "open", "answered", "closed", NULL };

static const char *
choice_label (const Choice *choices,
              gsize         n_choices,
              const char   *id)
{
  for (gsize i = 0; i < n_choices; i++)
    if (g_strcmp0 (choices[i].id, id) == 0)
      return _(choices[i].label);

  return NULL;
}

const char * const *
cf_finding_severity_list (void)
{
  return severity_ids;
}

gboolean
cf_finding_severity_is_valid (const char *severity)
{
  return severity != NULL && g_strv_contains (severity_ids, severity);
}

/* Returns: (nullable): the label, or %NULL for an unknown severity */
const char *
cf_finding_severity_get_label (const char *severity)
{
  return choice_label (severities, G_N_ELEMENTS (severities), severity);
}

const char * const *
cf_finding_status_list (void)
{
  return status_ids;
}

gboolean
cf_finding_status_is_valid (const char *status)
{
  return status != NULL && g_strv_contains (status_ids, status);
}

const char *
cf_finding_status_get_label (const char *status)
{
  return choice_label (statuses, G_N_ELEMENTS (statuses), status);
}

gboolean
cf_finding_target_kind_is_valid (const char *kind)
{
  return g_strcmp0 (kind, CF_FINDING_TARGET_REQUIREMENT) == 0 ||
         g_strcmp0 (kind, CF_FINDING_TARGET_DOCUMENT) == 0;
}

CfFinding *
cf_finding_new (void)
{
  return g_new0 (CfFinding, 1);
}

CfFinding *
cf_finding_copy (const CfFinding *self)
{
  CfFinding *copy = g_new0 (CfFinding, 1);

  copy->id = self->id;
  copy->number = self->number;
  copy->target_kind = g_strdup (self->target_kind);
  copy->target = g_strdup (self->target);
  copy->severity = g_strdup (self->severity);
  copy->text = g_strdup (self->text);
  copy->recorded_at = g_strdup (self->recorded_at);
  copy->recorded_by = g_strdup (self->recorded_by);
  copy->seal = g_strdup (self->seal);
  copy->reviewer = g_strdup (self->reviewer);
  copy->status = g_strdup (self->status);
  copy->answer = g_strdup (self->answer);
  copy->updated_at = g_strdup (self->updated_at);

  return copy;
}

void
cf_finding_free (CfFinding *self)
{
  if (self == NULL)
    return;

  g_free (self->target_kind);
  g_free (self->target);
  g_free (self->severity);
  g_free (self->text);
  g_free (self->recorded_at);
  g_free (self->recorded_by);
  g_free (self->seal);
  g_free (self->reviewer);
  g_free (self->status);
  g_free (self->answer);
  g_free (self->updated_at);
  g_free (self);
}

/* "F3": how findings are named in reports, files and the CLI. */
char *
cf_finding_dup_label (const CfFinding *self)
{
  return g_strdup_printf ("F%d", self->number);
}

/* "Annex I, Part I, point (2)(a)", or a document's path in the dossier:
 * what a finding is about, as reports and lists show it. */
char *
cf_finding_dup_target_label (const CfFinding *self,
                             CfCatalogue     *catalogue)
{
  CfCatalogueItem *item;

  if (g_strcmp0 (self->target_kind, CF_FINDING_TARGET_REQUIREMENT) == 0 &&
      (item = cf_catalogue_lookup (catalogue, self->target)) != NULL &&
      cf_catalogue_item_get_ref (item) != NULL)
    return g_strdup (cf_catalogue_item_get_ref (item));

  return g_strdup (self->target);
}

/* The checks every finding passes, wherever it comes from; the message
 * names the field. Whether a requirement id exists is the caller's to check,
 * against the catalogue or the dossier. */
gboolean
cf_finding_validate (const CfFinding  *self,
                     GError          **error)
{
  g_autofree char *message = NULL;

  if (!cf_finding_target_kind_is_valid (self->target_kind))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Target: “%s” is neither “requirement” nor “document”."),
                   self->target_kind != NULL ? self->target_kind : "");
      return FALSE;
    }

  if (self->target == NULL || *self->target == '\0')
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Target: say which requirement or document the finding is about."));
      return FALSE;
    }

  if (!cf_finding_severity_is_valid (self->severity))
    {
      g_autofree char *ids = g_strjoinv (", ", (char **) severity_ids);

      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Severity: “%s” is not a severity; use one of %s."),
                   self->severity != NULL ? self->severity : "", ids);
      return FALSE;
    }

  /* Conformant needs no words; anything else must say what was found. */
  if (g_strcmp0 (self->severity, "conformant") != 0 &&
      (self->text == NULL || *self->text == '\0'))
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                           _("Text: say what was found; only a conformant finding may "
                             "go without."));
      return FALSE;
    }

  if (self->status != NULL && !cf_finding_status_is_valid (self->status))
    {
      g_autofree char *ids = g_strjoinv (", ", (char **) status_ids);

      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Status: “%s” is not a status; use one of %s."), self->status, ids);
      return FALSE;
    }

  if ((message = cf_field_check_characters (_("Text"), self->text, TRUE)) != NULL ||
      (message = cf_field_check_characters (_("Answer"), self->answer, TRUE)) != NULL)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT, message);
      return FALSE;
    }

  return TRUE;
}

void
cf_review_free (CfReview *self)
{
  if (self == NULL)
    return;

  g_free (self->seal);
  g_free (self->dossier_path);
  g_free (self->signer);
  g_free (self->product_name);
  g_free (self->manufacturer_name);
  g_free (self->category);
  g_free (self->procedure);
  g_free (self->opened_at);
  g_free (self->opened_by);
  g_free (self->last_opened_at);
  g_free (self->manifest);
  g_free (self->assessment);
  g_free (self);
}
