/* cf-threat.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-threat"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-error.h"
#include "cf-field.h"
#include "cf-threat.h"

#define MAX_TITLE 200
#define MAX_TEXT 8000

struct _CfThreat
{
  GObject  parent_instance;

  gint64   id;
  gint     number;
  char    *asset;
  char    *title;
  char    *description;
  char    *stride;
  gint     likelihood;
  gint     impact;
  char    *mitigations;
  gint     residual_likelihood;   /* 0: not assessed yet */
  gint     residual_impact;
  char    *treatment;             /* NULL: not decided yet */
  char    *treatment_reason;
  char    *accepted_by;
  char    *accepted_at;
  char    *updated_at;
};

G_DEFINE_FINAL_TYPE (CfThreat, cf_threat, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_LABEL,
  PROP_ASSET,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_STRIDE,
  PROP_LIKELIHOOD,
  PROP_IMPACT,
  PROP_INHERENT_SCORE,
  PROP_MITIGATIONS,
  PROP_RESIDUAL_LIKELIHOOD,
  PROP_RESIDUAL_IMPACT,
  PROP_RESIDUAL_SCORE,
  PROP_TREATMENT,
  PROP_TREATMENT_REASON,
  PROP_ACCEPTED_BY,
  PROP_ACCEPTED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
cf_threat_finalize (GObject *object)
{
  CfThreat *self = CF_THREAT (object);

  g_free (self->asset);
  g_free (self->title);
  g_free (self->description);
  g_free (self->stride);
  g_free (self->mitigations);
  g_free (self->treatment);
  g_free (self->treatment_reason);
  g_free (self->accepted_by);
  g_free (self->accepted_at);
  g_free (self->updated_at);

  G_OBJECT_CLASS (cf_threat_parent_class)->finalize (object);
}

static void
cf_threat_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CfThreat *self = CF_THREAT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NUMBER: g_value_set_int (value, self->number); break;
    case PROP_LABEL: g_value_take_string (value, cf_threat_dup_label (self)); break;
    case PROP_ASSET: g_value_set_string (value, self->asset); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_STRIDE: g_value_set_string (value, self->stride); break;
    case PROP_LIKELIHOOD: g_value_set_int (value, self->likelihood); break;
    case PROP_IMPACT: g_value_set_int (value, self->impact); break;
    case PROP_INHERENT_SCORE: g_value_set_int (value, cf_threat_get_inherent_score (self)); break;
    case PROP_MITIGATIONS: g_value_set_string (value, self->mitigations); break;
    case PROP_RESIDUAL_LIKELIHOOD: g_value_set_int (value, self->residual_likelihood); break;
    case PROP_RESIDUAL_IMPACT: g_value_set_int (value, self->residual_impact); break;
    case PROP_RESIDUAL_SCORE: g_value_set_int (value, cf_threat_get_residual_score (self)); break;
    case PROP_TREATMENT: g_value_set_string (value, self->treatment); break;
    case PROP_TREATMENT_REASON: g_value_set_string (value, self->treatment_reason); break;
    case PROP_ACCEPTED_BY: g_value_set_string (value, self->accepted_by); break;
    case PROP_ACCEPTED_AT: g_value_set_string (value, self->accepted_at); break;
    case PROP_UPDATED_AT: g_value_set_string (value, self->updated_at); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_threat_class_init (CfThreatClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cf_threat_finalize;
  object_class->get_property = cf_threat_get_property;

  /* Read-only properties: the register's columns bind and sort on them;
   * changes go through the setters, which notify. */
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NUMBER] = g_param_spec_int ("number", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_ASSET] = g_param_spec_string ("asset", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_STRIDE] = g_param_spec_string ("stride", NULL, NULL, NULL, flags);
  properties[PROP_LIKELIHOOD] = g_param_spec_int ("likelihood", NULL, NULL, 0, CF_RISK_MAX_LEVEL, 0, flags);
  properties[PROP_IMPACT] = g_param_spec_int ("impact", NULL, NULL, 0, CF_RISK_MAX_LEVEL, 0, flags);
  properties[PROP_INHERENT_SCORE] = g_param_spec_int ("inherent-score", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_MITIGATIONS] = g_param_spec_string ("mitigations", NULL, NULL, NULL, flags);
  properties[PROP_RESIDUAL_LIKELIHOOD] = g_param_spec_int ("residual-likelihood", NULL, NULL, 0, CF_RISK_MAX_LEVEL, 0, flags);
  properties[PROP_RESIDUAL_IMPACT] = g_param_spec_int ("residual-impact", NULL, NULL, 0, CF_RISK_MAX_LEVEL, 0, flags);
  properties[PROP_RESIDUAL_SCORE] = g_param_spec_int ("residual-score", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_TREATMENT] = g_param_spec_string ("treatment", NULL, NULL, NULL, flags);
  properties[PROP_TREATMENT_REASON] = g_param_spec_string ("treatment-reason", NULL, NULL, NULL, flags);
  properties[PROP_ACCEPTED_BY] = g_param_spec_string ("accepted-by", NULL, NULL, NULL, flags);
  properties[PROP_ACCEPTED_AT] = g_param_spec_string ("accepted-at", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_threat_init (CfThreat *self)
{
}

CfThreat *
cf_threat_new (void)
{
  return g_object_new (CF_TYPE_THREAT, NULL);
}

CfThreat *
cf_threat_copy (CfThreat *self)
{
  CfThreat *copy = cf_threat_new ();

  copy->id = self->id;
  copy->number = self->number;
  copy->asset = g_strdup (self->asset);
  copy->title = g_strdup (self->title);
  copy->description = g_strdup (self->description);
  copy->stride = g_strdup (self->stride);
  copy->likelihood = self->likelihood;
  copy->impact = self->impact;
  copy->mitigations = g_strdup (self->mitigations);
  copy->residual_likelihood = self->residual_likelihood;
  copy->residual_impact = self->residual_impact;
  copy->treatment = g_strdup (self->treatment);
  copy->treatment_reason = g_strdup (self->treatment_reason);
  copy->accepted_by = g_strdup (self->accepted_by);
  copy->accepted_at = g_strdup (self->accepted_at);
  copy->updated_at = g_strdup (self->updated_at);

  return copy;
}

static void
set_string (CfThreat    *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  /* g_set_str() is GLib 2.76; Debian 12 has 2.74. */
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_int (CfThreat *self,
         gint     *field,
         gint      value,
         guint     prop)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

gint64 cf_threat_get_id (CfThreat *self) { return self->id; }
gint cf_threat_get_number (CfThreat *self) { return self->number; }
const char *cf_threat_get_asset (CfThreat *self) { return self->asset; }
const char *cf_threat_get_title (CfThreat *self) { return self->title; }
const char *cf_threat_get_description (CfThreat *self) { return self->description; }
const char *cf_threat_get_stride (CfThreat *self) { return self->stride; }
gint cf_threat_get_likelihood (CfThreat *self) { return self->likelihood; }
gint cf_threat_get_impact (CfThreat *self) { return self->impact; }
const char *cf_threat_get_mitigations (CfThreat *self) { return self->mitigations; }
gint cf_threat_get_residual_likelihood (CfThreat *self) { return self->residual_likelihood; }
gint cf_threat_get_residual_impact (CfThreat *self) { return self->residual_impact; }
const char *cf_threat_get_treatment (CfThreat *self) { return self->treatment; }
const char *cf_threat_get_treatment_reason (CfThreat *self) { return self->treatment_reason; }
const char *cf_threat_get_accepted_by (CfThreat *self) { return self->accepted_by; }
const char *cf_threat_get_accepted_at (CfThreat *self) { return self->accepted_at; }
const char *cf_threat_get_updated_at (CfThreat *self) { return self->updated_at; }

void
cf_threat_set_id (CfThreat *self,
                  gint64    id)
{
  g_return_if_fail (CF_IS_THREAT (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
cf_threat_set_number (CfThreat *self,
                      gint      number)
{
  g_return_if_fail (CF_IS_THREAT (self));

  if (self->number == number)
    return;
  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

/**
 * cf_threat_dup_label:
 *
 * Returns: (transfer full): "T3": how the register, the heat map and the
 *   documents refer to the threat; empty before it is stored
 */
char *
cf_threat_dup_label (CfThreat *self)
{
  if (self->number <= 0)
    return g_strdup ("");

  /* An identifier, the same in every language, like a document number. */
  return g_strdup_printf ("T%d", self->number);
}

void
cf_threat_set_asset (CfThreat   *self,
                     const char *asset)
{
  set_string (self, &self->asset, asset, PROP_ASSET);
}

void
cf_threat_set_title (CfThreat   *self,
                     const char *title)
{
  set_string (self, &self->title, title, PROP_TITLE);
}

void
cf_threat_set_description (CfThreat   *self,
                           const char *description)
{
  set_string (self, &self->description, description, PROP_DESCRIPTION);
}

void
cf_threat_set_stride (CfThreat   *self,
                      const char *stride)
{
  set_string (self, &self->stride, stride, PROP_STRIDE);
}

static void
notify_scores (CfThreat *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INHERENT_SCORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESIDUAL_SCORE]);
}

void
cf_threat_set_likelihood (CfThreat *self,
                          gint      likelihood)
{
  set_int (self, &self->likelihood, likelihood, PROP_LIKELIHOOD);
  notify_scores (self);
}

void
cf_threat_set_impact (CfThreat *self,
                      gint      impact)
{
  set_int (self, &self->impact, impact, PROP_IMPACT);
  notify_scores (self);
}

/* The risk before mitigation: likelihood × impact. */
gint
cf_threat_get_inherent_score (CfThreat *self)
{
  return self->likelihood * self->impact;
}

void
cf_threat_set_mitigations (CfThreat   *self,
                           const char *mitigations)
{
  set_string (self, &self->mitigations, mitigations, PROP_MITIGATIONS);
}

gboolean
cf_threat_has_residual (CfThreat *self)
{
  return self->residual_likelihood > 0 && self->residual_impact > 0;
}

/**
 * cf_threat_set_residual:
 *
 * Sets the likelihood and impact that remain after the mitigations; 0 and
 * 0 when they have not been assessed.
 */
void
cf_threat_set_residual (CfThreat *self,
                        gint      likelihood,
                        gint      impact)
{
  set_int (self, &self->residual_likelihood, likelihood, PROP_RESIDUAL_LIKELIHOOD);
  set_int (self, &self->residual_impact, impact, PROP_RESIDUAL_IMPACT);
  notify_scores (self);
}

/**
 * cf_threat_get_residual_score:
 *
 * Returns: the residual risk; until the residual likelihood and impact are
 *   assessed, nothing has been shown to reduce it, so it is the inherent risk
 */
gint
cf_threat_get_residual_score (CfThreat *self)
{
  if (!cf_threat_has_residual (self))
    return cf_threat_get_inherent_score (self);

  return self->residual_likelihood * self->residual_impact;
}

void
cf_threat_set_treatment (CfThreat   *self,
                         const char *treatment)
{
  set_string (self, &self->treatment, treatment, PROP_TREATMENT);
}

void
cf_threat_set_treatment_reason (CfThreat   *self,
                                const char *reason)
{
  set_string (self, &self->treatment_reason, reason, PROP_TREATMENT_REASON);
}

void
cf_threat_set_accepted_by (CfThreat   *self,
                           const char *accepted_by)
{
  set_string (self, &self->accepted_by, accepted_by, PROP_ACCEPTED_BY);
}

void
cf_threat_set_accepted_at (CfThreat   *self,
                           const char *accepted_at)
{
  set_string (self, &self->accepted_at, accepted_at, PROP_ACCEPTED_AT);
}

void
cf_threat_set_updated_at (CfThreat   *self,
                          const char *updated_at)
{
  set_string (self, &self->updated_at, updated_at, PROP_UPDATED_AT);
}

/* An acceptance counts only with its written reason and who made it. */
gboolean
cf_threat_is_accepted (CfThreat *self)
{
  return g_strcmp0 (self->treatment, "accept") == 0 &&
         self->treatment_reason != NULL && *self->treatment_reason != '\0' &&
         self->accepted_by != NULL && *self->accepted_by != '\0';
}

static void
normalize_text (CfThreat *self,
                char    **field,
                guint     prop)
{
  g_autofree char *text = *field ? g_strstrip (g_strdup (*field)) : NULL;

  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  set_string (self, field, text, prop);
}

/**
 * cf_threat_normalize:
 *
 * Trims the texts, blank ones becoming %NULL. Leaving acceptance clears
 * who accepted and when: a mitigated threat is no longer accepted by anyone.
 */
void
cf_threat_normalize (CfThreat *self)
{
  normalize_text (self, &self->asset, PROP_ASSET);
  normalize_text (self, &self->title, PROP_TITLE);
  normalize_text (self, &self->description, PROP_DESCRIPTION);
  normalize_text (self, &self->stride, PROP_STRIDE);
  normalize_text (self, &self->mitigations, PROP_MITIGATIONS);
  normalize_text (self, &self->treatment, PROP_TREATMENT);
  normalize_text (self, &self->treatment_reason, PROP_TREATMENT_REASON);
  normalize_text (self, &self->accepted_by, PROP_ACCEPTED_BY);

  if (g_strcmp0 (self->treatment, "accept") != 0)
    {
      cf_threat_set_accepted_by (self, NULL);
      cf_threat_set_accepted_at (self, NULL);
    }
}

static gboolean
check_text (const char  *value,
            const char  *field,
            gsize        max,
            gboolean     one_line,
            GError     **error)
{
  g_autofree char *message = NULL;

  if (value == NULL)
    return TRUE;

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT, _("%s: not valid UTF-8 text."), field);
      return FALSE;
    }
  if (g_utf8_strlen (value, -1) > (glong) max)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("%s: at most %d characters are allowed."), field, (int) max);
      return FALSE;
    }
  if (one_line && strchr (value, '\n') != NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT, _("%s: must be a single line."), field);
      return FALSE;
    }
  message = cf_field_check_characters (field, value, !one_line);
  if (message != NULL)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT, message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_level (gint         value,
             const char  *field,
             GError     **error)
{
  if (value >= CF_RISK_MIN_LEVEL && value <= CF_RISK_MAX_LEVEL)
    return TRUE;

  g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
               _("%s: %d is not on the scale; give a whole number from %d to %d."),
               field, value, CF_RISK_MIN_LEVEL, CF_RISK_MAX_LEVEL);
  return FALSE;
}

/**
 * cf_threat_validate:
 * @model: (nullable): to check the STRIDE category; the store, which has
 *   no catalogue, checks the rest
 *
 * Returns: %TRUE when the threat can be stored; otherwise %FALSE with an
 *   error that names the field
 */
gboolean
cf_threat_validate (CfThreat     *self,
                    CfRiskModel  *model,
                    GError      **error)
{
  g_return_val_if_fail (CF_IS_THREAT (self), FALSE);

  if (self->asset == NULL)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                           _("Asset: name what the threat is against, e.g. “firmware signing key”."));
      return FALSE;
    }
  if (self->title == NULL)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                           _("Title: describe the threat in a few words."));
      return FALSE;
    }
  if (!check_text (self->asset, _("Asset"), MAX_TITLE, TRUE, error) ||
      !check_text (self->title, _("Title"), MAX_TITLE, TRUE, error) ||
      !check_text (self->description, _("Description"), MAX_TEXT, FALSE, error) ||
      !check_text (self->mitigations, _("Mitigations"), MAX_TEXT, FALSE, error) ||
      !check_text (self->treatment_reason, _("Reason"), MAX_TEXT, FALSE, error) ||
      !check_text (self->accepted_by, _("Accepted by"), MAX_TITLE, TRUE, error))
    return FALSE;

  if (self->stride == NULL || (model != NULL && !cf_risk_model_stride_is_valid (model, self->stride)))
    {
      g_autofree char *ids = model ? cf_risk_model_list_stride (model) : g_strdup ("spoofing, tampering, …");

      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("STRIDE: “%s” is not a STRIDE category; use one of %s."),
                   self->stride ?: "", ids);
      return FALSE;
    }

  if (!check_level (self->likelihood, _("Likelihood"), error) ||
      !check_level (self->impact, _("Impact"), error))
    return FALSE;

  if (self->residual_likelihood != 0 || self->residual_impact != 0)
    {
      if (self->residual_likelihood == 0 || self->residual_impact == 0)
        {
          g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                               _("Residual risk: give both the residual likelihood and the residual impact, or neither."));
          return FALSE;
        }
      if (!check_level (self->residual_likelihood, _("Residual likelihood"), error) ||
          !check_level (self->residual_impact, _("Residual impact"), error))
        return FALSE;
    }

  if (self->treatment != NULL && !cf_treatment_is_valid (self->treatment))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Treatment: “%s” is not a treatment; use one of %s."),
                   self->treatment, cf_treatment_list_ids ());
      return FALSE;
    }
  if (g_strcmp0 (self->treatment, "accept") == 0)
    {
      if (self->treatment_reason == NULL)
        {
          g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                               _("Reason: accepting a risk needs a written reason."));
          return FALSE;
        }
      if (self->accepted_by == NULL)
        {
          g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                               _("Accepted by: say who accepted the risk."));
          return FALSE;
        }
    }

  return TRUE;
}

/* Whether two threats say the same; ids, numbers and times are not compared. */
gboolean
cf_threat_equal (CfThreat *a,
                 CfThreat *b)
{
  return g_strcmp0 (a->asset, b->asset) == 0 &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->description, b->description) == 0 &&
         g_strcmp0 (a->stride, b->stride) == 0 &&
         a->likelihood == b->likelihood &&
         a->impact == b->impact &&
         g_strcmp0 (a->mitigations, b->mitigations) == 0 &&
         a->residual_likelihood == b->residual_likelihood &&
         a->residual_impact == b->residual_impact &&
         g_strcmp0 (a->treatment, b->treatment) == 0 &&
         g_strcmp0 (a->treatment_reason, b->treatment_reason) == 0 &&
         g_strcmp0 (a->accepted_by, b->accepted_by) == 0;
}
