/* cf-readiness.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-readiness"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <inttypes.h>

#include "cf-evidence.h"
#include "cf-readiness.h"
#include "cf-requirement-assessment.h"
#include "cf-threat.h"

/* Article 13(3) asks for the analysis to rest on these; assumptions are
 * recorded where there are any but are not required. */
static const char * const required_context[] = {
  "intended-purpose",
  "foreseeable-use",
  "operational-environment",
};

static void
cf_missing_free (CfMissing *missing)
{
  g_free (missing->what);
  g_free (missing->item);
  g_free (missing->message);
  g_free (missing);
}

void
cf_readiness_free (CfReadiness *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->missing);
  g_free (self);
}

G_GNUC_PRINTF (4, 5)
static void
add_missing (CfReadiness *self,
             const char  *what,
             const char  *item,
             const char  *format,
             ...)
{
  CfMissing *missing = g_new0 (CfMissing, 1);
  va_list args;

  missing->what = g_strdup (what);
  missing->item = g_strdup (item);
  va_start (args, format);
  missing->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->missing, missing);
}

static const CfRequirementAssessment *
find_assessment (GPtrArray  *assessments,
                 const char *requirement)
{
  for (guint i = 0; assessments != NULL && i < assessments->len; i++)
    {
      const CfRequirementAssessment *a = g_ptr_array_index (assessments, i);

      if (g_strcmp0 (a->requirement, requirement) == 0)
        return a;
    }

  return NULL;
}

static void
check_scope (CfReadiness            *self,
             const CfReadinessInput *input)
{
  if (input->scope != NULL && input->scope->outcome == CF_SCOPE_OUT_OF_SCOPE)
    add_missing (self, "out-of-scope", "scope", "%s",
                 _("The scope check finds the product outside the regulation: no declaration of "
                   "conformity under it can be drawn up."));
  else if (input->scope == NULL || input->scope->outcome != CF_SCOPE_IN_SCOPE)
    add_missing (self, "scope-not-decided", "scope", "%s",
                 input->scope != NULL && input->scope->outcome == CF_SCOPE_NEEDS_REVIEW
                 ? _("The scope check needs a legal review before the product can be found in scope.")
                 : _("The scope check is not finished: answer its questions."));

  if (input->classification == NULL)
    add_missing (self, "category-not-decided", "classification", "%s",
                 _("The product’s category (default, important class I or II, critical) is not decided."));
}

static void
check_context (CfReadiness            *self,
               const CfReadinessInput *input)
{
  g_autoptr(CfAssessmentContext) empty = cf_assessment_context_new ();
  CfRecord *context = input->context ? CF_RECORD (input->context) : CF_RECORD (empty);
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (context, &n_specs);

  for (guint i = 0; i < G_N_ELEMENTS (required_context); i++)
    {
      const CfFieldSpec *spec = cf_field_spec_find (specs, n_specs, required_context[i]);

      if (cf_record_is_filled (context, required_context[i]))
        continue;

      add_missing (self, "context-missing", required_context[i],
                   _("The context of the risk assessment lacks “%s” (Article 13(3))."),
                   _(spec->label));
    }
}

static void
check_requirements (CfReadiness            *self,
                    CfCatalogue            *catalogue,
                    const CfReadinessInput *input)
{
  g_autoptr(GPtrArray) requirements = cf_requirements_list (catalogue);

  for (guint i = 0; i < requirements->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (requirements, i);
      const char *id = cf_catalogue_item_get_id (item);
      const CfRequirementAssessment *a = find_assessment (input->assessments, id);
      g_autofree char *ref = cf_requirement_short_ref (item);
      const char *label = cf_catalogue_item_get_label (item);

      if (a == NULL)
        add_missing (self, "requirement-not-assessed", id,
                     _("%s %s is not assessed."), ref, label);
      else if (!a->applies && a->justification == NULL)
        add_missing (self, "justification-missing", id,
                     _("%s %s does not apply but has no justification (Article 13(4))."), ref, label);
      else if (a->applies && !cf_requirement_assessment_is_implemented (a))
        add_missing (self, "requirement-not-implemented", id,
                     _("%s %s applies but its status is “%s”, not implemented or verified."),
                     ref, label, cf_status_get_label (a->status));
    }
}

/* Every requirement that applies needs proof that has not expired. */
static void
check_evidence (CfReadiness            *self,
                CfCatalogue            *catalogue,
                const CfReadinessInput *input)
{
  g_autoptr(GPtrArray) requirements = cf_requirements_list (catalogue);
  g_autoptr(GDate) now = NULL;
  const GDate *today = input->today;

  if (today == NULL)
    {
      now = g_date_new ();
      g_date_set_time_t (now, time (NULL));
      today = now;
    }

  for (guint i = 0; i < requirements->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (requirements, i);
      const char *id = cf_catalogue_item_get_id (item);
      const CfRequirementAssessment *a = find_assessment (input->assessments, id);
      gboolean supported = FALSE;
      g_autofree char *ref = NULL;

      if (a == NULL || !a->applies)
        continue;

      for (guint j = 0; input->evidence != NULL && j < input->evidence->len && !supported; j++)
        {
          CfEvidence *evidence = g_ptr_array_index (input->evidence, j);

          supported = cf_evidence_has_requirement (evidence, id) && !cf_evidence_is_expired (evidence, today);
        }
      if (supported)
        continue;

      ref = cf_requirement_short_ref (item);
      add_missing (self, "evidence-missing", id,
                   _("%s %s applies but no current evidence supports it."),
                   ref, cf_catalogue_item_get_label (item));
    }

  for (guint j = 0; input->evidence != NULL && j < input->evidence->len; j++)
    {
      CfEvidence *evidence = g_ptr_array_index (input->evidence, j);
      g_autofree char *item = NULL;

      if (!cf_evidence_is_expired (evidence, today))
        continue;

      item = g_strdup_printf ("%" PRId64, cf_evidence_get_id (evidence));
      add_missing (self, "evidence-expired", item,
                   _("Evidence %s, “%s”, expired on %s: attach a current version."),
                   item, cf_evidence_get_title (evidence), cf_evidence_get_valid_until (evidence));
    }
}

static gboolean
band_needs_acceptance (const CfChartBand *band)
{
  return band != NULL && (g_strcmp0 (band->id, "high") == 0 || g_strcmp0 (band->id, "critical") == 0);
}

static void
check_threats (CfReadiness            *self,
               CfRiskModel            *model,
               const CfReadinessInput *input)
{
  guint n_bands;
  const CfChartBand *bands = cf_risk_model_get_bands (model, &n_bands);

  if (input->threats == NULL || input->threats->len == 0)
    {
      add_missing (self, "risk-register-empty", "risk-register", "%s",
                   _("The risk register is empty: the assessment must analyse the cybersecurity "
                     "risks (Article 13(3))."));
      return;
    }

  for (guint i = 0; i < input->threats->len; i++)
    {
      CfThreat *threat = g_ptr_array_index (input->threats, i);
      const CfChartBand *band = cf_chart_band_for_score (bands, n_bands, cf_threat_get_residual_score (threat));
      g_autofree char *label = NULL;

      if (!band_needs_acceptance (band) || cf_threat_is_accepted (threat))
        continue;

      label = cf_threat_dup_label (threat);
      add_missing (self, "risk-not-accepted", label,
                   cf_threat_has_residual (threat)
                   ? _("%s %s: the residual risk is “%s” (%d) and its acceptance is not recorded.")
                   : _("%s %s: the risk is “%s” (%d), no residual risk is assessed and its acceptance is not recorded."),
                   label, cf_threat_get_title (threat), band->label,
                   cf_threat_get_residual_score (threat));
    }
}

/**
 * cf_readiness_evaluate:
 *
 * Whether the product is ready for a declaration of conformity, and if not
 * exactly what is missing: the scope and the category decided, the context
 * of the risk assessment, every essential requirement assessed, justified
 * where it does not apply and implemented and supported by evidence that
 * has not expired where it does, a risk register, and an accepted residual
 * risk wherever it is high or critical. Expired evidence is listed too.
 *
 * Returns: (transfer full): the verdict
 */
CfReadiness *
cf_readiness_evaluate (CfCatalogue            *catalogue,
                       CfRiskModel            *model,
                       const CfReadinessInput *input)
{
  CfReadiness *self = g_new0 (CfReadiness, 1);

  g_return_val_if_fail (CF_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (input != NULL, NULL);

  self->missing = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_missing_free);

  check_scope (self, input);
  check_context (self, input);
  check_requirements (self, catalogue, input);
  check_evidence (self, catalogue, input);
  check_threats (self, model, input);

  self->ready = self->missing->len == 0;
  return self;
}

gboolean
cf_readiness_has (CfReadiness *self,
                  const char  *what,
                  const char  *item)
{
  for (guint i = 0; i < self->missing->len; i++)
    {
      CfMissing *missing = g_ptr_array_index (self->missing, i);

      if (g_strcmp0 (missing->what, what) == 0 && (item == NULL || g_strcmp0 (missing->item, item) == 0))
        return TRUE;
    }

  return FALSE;
}

/**
 * cf_readiness_summary:
 *
 * Returns: (transfer full): "Ready for a declaration of conformity" or
 *   "12 items missing", for a title
 */
char *
cf_readiness_summary (CfReadiness *self)
{
  guint n = self->missing->len;

  if (n == 0)
    return g_strdup (_("Ready for a declaration of conformity"));

  return g_strdup_printf (ngettext ("%u item missing before a declaration of conformity",
                                    "%u items missing before a declaration of conformity", n), n);
}
