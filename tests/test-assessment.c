/* test-assessment.c — the risk register, the requirement assessment and the readiness gate
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-declaration.h"
#include "cf-error.h"
#include "cf-product-status.h"
#include "cf-readiness.h"
#include "cf-store.h"

static CfCatalogue *catalogue;
static CfRiskModel *model;

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack ? haystack : "(null)", needle);
}

static CfThreat *
threat_new (const char *asset,
            const char *title,
            const char *stride,
            gint        likelihood,
            gint        impact)
{
  CfThreat *threat = cf_threat_new ();

  cf_threat_set_asset (threat, asset);
  cf_threat_set_title (threat, title);
  cf_threat_set_stride (threat, stride);
  cf_threat_set_likelihood (threat, likelihood);
  cf_threat_set_impact (threat, impact);

  return threat;
}

/* Risk banding: the score is likelihood × impact, the bands are data. */

static void
test_banding (void)
{
  static const struct { int likelihood, impact; const char *band; } cases[] = {
    { 1, 1, "low" }, { 2, 2, "low" }, { 1, 4, "low" },
    { 1, 5, "medium" }, { 3, 3, "medium" },
    { 2, 5, "high" }, { 5, 2, "high" }, { 3, 5, "high" }, { 4, 3, "high" },
    { 4, 4, "critical" }, { 5, 5, "critical" },
  };
  guint n_bands;
  const CfChartBand *bands = cf_risk_model_get_bands (model, &n_bands);

  g_assert_cmpuint (n_bands, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CfChartBand *band = cf_risk_model_band_for (model, cases[i].likelihood, cases[i].impact);

      g_assert_nonnull (band);
      g_assert_cmpstr (band->id, ==, cases[i].band);
    }

  /* Every score of the 5 × 5 grid falls in exactly one band. */
  for (int score = 1; score <= 25; score++)
    {
      guint hits = 0;

      for (guint b = 0; b < n_bands; b++)
        hits += score >= bands[b].min && score <= bands[b].max;
      g_assert_cmpuint (hits, ==, 1);
    }
  g_assert_null (cf_chart_band_for_score (bands, n_bands, 0));
  g_assert_null (cf_chart_band_for_score (bands, n_bands, 26));
}

static void
test_scales_and_stride (void)
{
  for (int level = CF_RISK_MIN_LEVEL; level <= CF_RISK_MAX_LEVEL; level++)
    {
      g_assert_nonnull (cf_risk_model_level_label (model, "likelihood", level));
      g_assert_nonnull (cf_risk_model_level_label (model, "impact", level));
    }
  g_assert_cmpstr (cf_risk_model_level_label (model, "likelihood", 1), ==, "Rare");
  g_assert_cmpstr (cf_risk_model_level_label (model, "impact", 5), ==, "Severe");
  g_assert_null (cf_risk_model_level_label (model, "likelihood", 6));

  g_assert_cmpuint (cf_risk_model_get_stride (model)->len, ==, 6);
  g_assert_cmpstr (cf_risk_model_resolve_stride (model, "T"), ==, "tampering");
  g_assert_cmpstr (cf_risk_model_resolve_stride (model, "Denial-Of-Service"), ==, "denial-of-service");
  g_assert_null (cf_risk_model_resolve_stride (model, "phishing"));
}

static void
test_threat_validation (void)
{
  g_autoptr(CfThreat) threat = threat_new ("Update server key", "Forged update", "tampering", 3, 5);
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_threat_validate (threat, model, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_threat_get_inherent_score (threat), ==, 15);
  /* Without a residual assessment, the residual risk is the inherent one. */
  g_assert_cmpint (cf_threat_get_residual_score (threat), ==, 15);

  cf_threat_set_likelihood (threat, 7);
  g_assert_false (cf_threat_validate (threat, model, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  assert_contains (error->message, "Likelihood");
  assert_contains (error->message, "7");
  g_clear_error (&error);
  cf_threat_set_likelihood (threat, 3);

  cf_threat_set_residual (threat, 2, 0);
  g_assert_false (cf_threat_validate (threat, model, &error));
  assert_contains (error->message, "Residual");
  g_clear_error (&error);
  cf_threat_set_residual (threat, 1, 3);
  g_assert_cmpint (cf_threat_get_residual_score (threat), ==, 3);

  cf_threat_set_stride (threat, "phishing");
  g_assert_false (cf_threat_validate (threat, model, &error));
  assert_contains (error->message, "STRIDE");
  assert_contains (error->message, "phishing");
  g_clear_error (&error);
  cf_threat_set_stride (threat, "tampering");

  cf_threat_set_treatment (threat, "ignore");
  g_assert_false (cf_threat_validate (threat, model, &error));
  assert_contains (error->message, "Treatment");
  g_clear_error (&error);

  /* Acceptance needs a written reason and who accepted. */
  cf_threat_set_treatment (threat, "accept");
  g_assert_false (cf_threat_validate (threat, model, &error));
  assert_contains (error->message, "Reason");
  g_clear_error (&error);
  cf_threat_set_treatment_reason (threat, "Signing keys are in an HSM; residual risk is tolerable.");
  g_assert_false (cf_threat_validate (threat, model, &error));
  assert_contains (error->message, "Accepted by");
  g_clear_error (&error);
  cf_threat_set_accepted_by (threat, "Jana Novák, CISO");
  g_assert_true (cf_threat_validate (threat, model, &error));
  g_assert_true (cf_threat_is_accepted (threat));
}

/* Part II and Part I (1) always apply. */

static void
test_part_two_always_applies (void)
{
  g_autoptr(GPtrArray) requirements = cf_requirements_list (catalogue);
  guint n_part_two = 0;

  g_assert_cmpuint (requirements->len, ==, 22);

  for (guint i = 0; i < requirements->len; i++)
    {
      const char *id = cf_catalogue_item_get_id (g_ptr_array_index (requirements, i));
      g_autoptr(CfRequirementAssessment) a = cf_requirement_assessment_new (id);
      g_autoptr(GError) error = NULL;

      a->applies = FALSE;
      a->justification = g_strdup ("We do not handle vulnerabilities.");

      if (g_str_has_prefix (id, "AnnexI.PartII."))
        {
          n_part_two++;
          g_assert_false (cf_requirement_assessment_validate (a, catalogue, TRUE, &error));
          g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
          assert_contains (error->message, "Part II");
          assert_contains (error->message, "every product");
          /* The store refuses it too, even without the catalogue. */
          g_clear_error (&error);
          g_assert_false (cf_requirement_assessment_validate (a, NULL, FALSE, &error));
        }
      else if (g_str_equal (id, "AnnexI.PartI.1"))
        {
          g_assert_false (cf_requirement_assessment_validate (a, catalogue, TRUE, &error));
          assert_contains (error->message, "Part I (2)");
        }
      else
        {
          g_assert_true (cf_requirement_assessment_validate (a, catalogue, TRUE, &error));
          g_assert_no_error (error);
        }
    }
  g_assert_cmpuint (n_part_two, ==, 8);
}

static void
test_requirement_validation (void)
{
  g_autoptr(CfRequirementAssessment) a = cf_requirement_assessment_new ("AnnexI.PartI.2.m");
  g_autoptr(CfRequirementAssessment) unknown = cf_requirement_assessment_new ("AnnexI.PartI.2.z");
  g_autoptr(GError) error = NULL;

  g_assert_false (cf_requirement_assessment_validate (unknown, catalogue, TRUE, &error));
  assert_contains (error->message, "AnnexI.PartI.2.z");
  g_clear_error (&error);

  /* A justification is owed when it does not apply; while typing in the
   * window it may come later (the gate reports it), on the command line not. */
  a->applies = FALSE;
  g_assert_false (cf_requirement_assessment_validate (a, catalogue, TRUE, &error));
  assert_contains (error->message, "Justification");
  g_clear_error (&error);
  g_assert_true (cf_requirement_assessment_validate (a, catalogue, FALSE, &error));

  a->justification = g_strdup ("  The product stores no user data or settings.  ");
  g_strfreev (a->standards);
  a->standards = g_strdupv ((char *[]) { " EN 303 645 5.11 ", "", "EN 303 645 5.11", NULL });
  g_array_append_vals (a->threats, (gint[]) { 3, 1, 3 }, 3);
  cf_requirement_assessment_normalize (a);
  g_assert_cmpstr (a->justification, ==, "The product stores no user data or settings.");
  g_assert_cmpuint (g_strv_length (a->standards), ==, 1);
  g_assert_cmpstr (a->standards[0], ==, "EN 303 645 5.11");
  g_assert_cmpuint (a->threats->len, ==, 2);
  g_assert_cmpint (g_array_index (a->threats, gint, 0), ==, 1);
  g_assert_true (cf_requirement_assessment_validate (a, catalogue, TRUE, &error));
}

static void
test_standard_clauses (void)
{
  g_autoptr(GPtrArray) clauses = cf_requirement_list_standard_clauses (catalogue, "AnnexI.PartI.2.d");
  gboolean etsi = FALSE;

  g_assert_cmpuint (clauses->len, >, 0);
  for (guint i = 0; i < clauses->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (clauses, i);

      g_assert_nonnull (cf_catalogue_item_get_attribute (item, "standard"));
      etsi |= g_strcmp0 (cf_catalogue_item_get_attribute (item, "standard"), "ETSI EN 303 645") == 0;
    }
  g_assert_true (etsi);
}

/* The readiness gate */

typedef struct
{
  CfScopeResult        scope;
  CfClassification    *classification;
  CfAssessmentContext *context;
  GPtrArray           *assessments;
  GPtrArray           *threats;
  GPtrArray           *evidence;
  GDate               *today;
} Ready;

/* Everything a declaration needs: then the test takes one thing away. */
static void
ready_set_up (Ready         *r,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) requirements = cf_requirements_list (catalogue);
  CfThreat *threat;

  r->scope.outcome = CF_SCOPE_IN_SCOPE;
  r->scope.reasons = g_ptr_array_new ();
  r->classification = cf_classification_new ();
  r->context = cf_assessment_context_new ();
  cf_record_set_field (CF_RECORD (r->context), "intended-purpose", "Home smart lock.");
  cf_record_set_field (CF_RECORD (r->context), "foreseeable-use", "Left on the default PIN.");
  cf_record_set_field (CF_RECORD (r->context), "operational-environment", "Home Wi-Fi, phone app.");

  r->assessments = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_requirement_assessment_free);
  r->evidence = g_ptr_array_new_with_free_func (g_object_unref);
  r->today = g_date_new_dmy (21, G_DATE_NOVEMBER, 2026);
  {
    /* One report supporting every requirement, valid to the end of 2027. */
    g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
    g_auto(GStrv) all = NULL;
    CfEvidence *report = cf_evidence_new ();

    for (guint i = 0; i < requirements->len; i++)
      g_strv_builder_add (ids, cf_catalogue_item_get_id (g_ptr_array_index (requirements, i)));
    all = g_strv_builder_end (ids);
    cf_evidence_set_id (report, 7);
    cf_evidence_set_title (report, "Conformity test report");
    cf_evidence_set_kind (report, "test-report");
    cf_evidence_set_valid_until (report, "2027-12-31");
    cf_evidence_set_requirements (report, (const char * const *) all);
    g_ptr_array_add (r->evidence, report);
  }
  for (guint i = 0; i < requirements->len; i++)
    {
      CfRequirementAssessment *a =
        cf_requirement_assessment_new (cf_catalogue_item_get_id (g_ptr_array_index (requirements, i)));

      a->status = CF_STATUS_IMPLEMENTED;
      g_ptr_array_add (r->assessments, a);
    }

  r->threats = g_ptr_array_new_with_free_func (g_object_unref);
  threat = threat_new ("Door command", "Replayed unlock command", "spoofing", 4, 5);
  cf_threat_set_number (threat, 1);
  cf_threat_set_residual (threat, 1, 4);
  g_ptr_array_add (r->threats, threat);
}

static void
ready_tear_down (Ready         *r,
                 gconstpointer  data)
{
  g_ptr_array_unref (r->scope.reasons);
  cf_classification_free (r->classification);
  g_clear_object (&r->context);
  g_ptr_array_unref (r->assessments);
  g_ptr_array_unref (r->threats);
  g_ptr_array_unref (r->evidence);
  g_date_free (r->today);
}

static CfReadiness *
evaluate (Ready *r)
{
  CfReadinessInput input = {
    &r->scope, r->classification, r->context, r->assessments, r->threats, r->evidence, r->today,
  };

  return cf_readiness_evaluate (catalogue, model, &input);
}

/* Exactly one thing missing: @what for @item. */
static void
assert_only_missing (Ready      *r,
                     const char *what,
                     const char *item)
{
  g_autoptr(CfReadiness) readiness = evaluate (r);
  CfMissing *missing;

  g_assert_false (readiness->ready);
  if (readiness->missing->len != 1)
    {
      for (guint i = 0; i < readiness->missing->len; i++)
        g_printerr ("missing: %s %s\n", ((CfMissing *) g_ptr_array_index (readiness->missing, i))->what,
                    ((CfMissing *) g_ptr_array_index (readiness->missing, i))->item);
      g_assert_cmpuint (readiness->missing->len, ==, 1);
    }

  missing = g_ptr_array_index (readiness->missing, 0);
  g_assert_cmpstr (missing->what, ==, what);
  g_assert_cmpstr (missing->item, ==, item);
  g_assert_nonnull (missing->message);
  g_assert_cmpstr (missing->message, !=, "");
}

static CfRequirementAssessment *
assessment_of (Ready      *r,
               const char *requirement)
{
  for (guint i = 0; i < r->assessments->len; i++)
    {
      CfRequirementAssessment *a = g_ptr_array_index (r->assessments, i);

      if (g_str_equal (a->requirement, requirement))
        return a;
    }

  g_assert_not_reached ();
}

static void
test_gate_ready (Ready         *r,
                 gconstpointer  data)
{
  g_autoptr(CfReadiness) readiness = evaluate (r);
  g_autofree char *summary = cf_readiness_summary (readiness);

  g_assert_true (readiness->ready);
  g_assert_cmpuint (readiness->missing->len, ==, 0);
  assert_contains (summary, "Ready");
}

static void
test_gate_scope (Ready         *r,
                 gconstpointer  data)
{
  r->scope.outcome = CF_SCOPE_INCOMPLETE;
  assert_only_missing (r, "scope-not-decided", "scope");
  r->scope.outcome = CF_SCOPE_NEEDS_REVIEW;
  assert_only_missing (r, "scope-not-decided", "scope");
  r->scope.outcome = CF_SCOPE_OUT_OF_SCOPE;
  assert_only_missing (r, "out-of-scope", "scope");
}

static void
test_gate_category (Ready         *r,
                    gconstpointer  data)
{
  g_clear_pointer (&r->classification, cf_classification_free);
  assert_only_missing (r, "category-not-decided", "classification");
}

static void
test_gate_context (Ready         *r,
                   gconstpointer  data)
{
  cf_record_set_field (CF_RECORD (r->context), "foreseeable-use", NULL);
  assert_only_missing (r, "context-missing", "foreseeable-use");
}

static void
test_gate_not_assessed (Ready         *r,
                        gconstpointer  data)
{
  g_ptr_array_remove (r->assessments, assessment_of (r, "AnnexI.PartI.2.e"));
  assert_only_missing (r, "requirement-not-assessed", "AnnexI.PartI.2.e");
}

static void
test_gate_justification (Ready         *r,
                         gconstpointer  data)
{
  CfRequirementAssessment *a = assessment_of (r, "AnnexI.PartI.2.l");

  a->applies = FALSE;
  a->status = CF_STATUS_NOT_STARTED;
  assert_only_missing (r, "justification-missing", "AnnexI.PartI.2.l");

  /* With the justification, not applying is fine whatever the status. */
  a->justification = g_strdup ("The product has no internal activity worth recording.");
  {
    g_autoptr(CfReadiness) readiness = evaluate (r);
    g_assert_true (readiness->ready);
  }
}

static void
test_gate_not_implemented (Ready         *r,
                           gconstpointer  data)
{
  CfRequirementAssessment *a = assessment_of (r, "AnnexI.PartII.5");

  a->status = CF_STATUS_IN_PROGRESS;
  assert_only_missing (r, "requirement-not-implemented", "AnnexI.PartII.5");
  a->status = CF_STATUS_NOT_STARTED;
  assert_only_missing (r, "requirement-not-implemented", "AnnexI.PartII.5");
  a->status = CF_STATUS_VERIFIED;
  {
    g_autoptr(CfReadiness) readiness = evaluate (r);
    g_assert_true (readiness->ready);
  }
}

static void
test_gate_residual_risk (Ready         *r,
                         gconstpointer  data)
{
  CfThreat *threat = g_ptr_array_index (r->threats, 0);

  /* No residual assessment: the inherent 20 (critical) stands. */
  cf_threat_set_residual (threat, 0, 0);
  assert_only_missing (r, "risk-not-accepted", "T1");

  /* High residual risk (3 × 4 = 12), mitigated but not accepted. */
  cf_threat_set_residual (threat, 3, 4);
  cf_threat_set_treatment (threat, "mitigate");
  assert_only_missing (r, "risk-not-accepted", "T1");

  /* Accepted without a reason does not count. */
  cf_threat_set_treatment (threat, "accept");
  cf_threat_set_accepted_by (threat, "Jana Novák");
  assert_only_missing (r, "risk-not-accepted", "T1");
  cf_threat_set_treatment_reason (threat, "Replay needs radio proximity; rolling codes planned for v2.");
  {
    g_autoptr(CfReadiness) readiness = evaluate (r);
    g_assert_true (readiness->ready);
  }

  /* Medium residual risk (3 × 3 = 9) needs no acceptance. */
  cf_threat_set_treatment (threat, "mitigate");
  cf_threat_set_residual (threat, 3, 3);
  {
    g_autoptr(CfReadiness) readiness = evaluate (r);
    g_assert_true (readiness->ready);
  }
}

static void
test_gate_evidence (Ready         *r,
                    gconstpointer  data)
{
  CfEvidence *report = g_ptr_array_index (r->evidence, 0);
  g_autoptr(CfEvidence) policy = cf_evidence_new ();
  g_autoptr(CfReadiness) expired = NULL;
  const char *all_but_one[] = { "AnnexI.PartI.1", NULL };

  /* A requirement without proof. */
  cf_evidence_set_requirements (report, all_but_one);
  {
    g_autoptr(CfReadiness) readiness = evaluate (r);

    g_assert_false (readiness->ready);
    g_assert_true (cf_readiness_has (readiness, "evidence-missing", "AnnexI.PartII.5"));
    g_assert_false (cf_readiness_has (readiness, "evidence-missing", "AnnexI.PartI.1"));
    g_assert_cmpuint (readiness->missing->len, ==, 21);
  }

  /* One that does not apply needs none. */
  assessment_of (r, "AnnexI.PartI.2.m")->applies = FALSE;
  assessment_of (r, "AnnexI.PartI.2.m")->justification = g_strdup ("No user data.");
  {
    g_autoptr(CfReadiness) readiness = evaluate (r);

    g_assert_false (cf_readiness_has (readiness, "evidence-missing", "AnnexI.PartI.2.m"));
    g_assert_cmpuint (readiness->missing->len, ==, 20);
  }
  /* Expired proof is listed and no longer counts. Start afresh. */
  ready_tear_down (r, NULL);
  ready_set_up (r, NULL);
  report = g_ptr_array_index (r->evidence, 0);
  cf_evidence_set_valid_until (report, "2026-11-20");
  expired = evaluate (r);
  g_assert_false (expired->ready);
  g_assert_true (cf_readiness_has (expired, "evidence-expired", "7"));
  g_assert_true (cf_readiness_has (expired, "evidence-missing", "AnnexI.PartII.8"));

  /* Valid through the day it names. */
  cf_evidence_set_valid_until (report, "2026-11-21");
  {
    g_autoptr(CfReadiness) readiness = evaluate (r);

    g_assert_true (readiness->ready);
  }

  /* An expired item is listed even when another one covers the same ground. */
  cf_evidence_set_id (policy, 8);
  cf_evidence_set_title (policy, "Old policy");
  cf_evidence_set_kind (policy, "policy");
  cf_evidence_set_valid_until (policy, "2025-01-31");
  g_ptr_array_add (r->evidence, g_object_ref (policy));
  assert_only_missing (r, "evidence-expired", "8");
}

static void
test_gate_empty_register (Ready         *r,
                          gconstpointer  data)
{
  g_ptr_array_set_size (r->threats, 0);
  assert_only_missing (r, "risk-register-empty", "risk-register");
}

static void
test_gate_everything_missing (Ready         *r,
                              gconstpointer  data)
{
  g_autoptr(CfReadiness) readiness = NULL;
  g_autofree char *summary = NULL;

  r->scope.outcome = CF_SCOPE_INCOMPLETE;
  g_clear_pointer (&r->classification, cf_classification_free);
  g_clear_object (&r->context);
  g_ptr_array_set_size (r->assessments, 0);
  g_ptr_array_set_size (r->threats, 0);

  readiness = evaluate (r);
  g_assert_false (readiness->ready);
  /* scope, category, 3 context fields, 22 requirements, the register;
   * no evidence is owed for requirements not assessed yet */
  g_assert_cmpuint (readiness->missing->len, ==, 1 + 1 + 3 + 22 + 1);
  g_assert_true (cf_readiness_has (readiness, "requirement-not-assessed", "AnnexI.PartI.1"));
  g_assert_true (cf_readiness_has (readiness, "requirement-not-assessed", "AnnexI.PartII.8"));
  summary = cf_readiness_summary (readiness);
  assert_contains (summary, "28 items missing");
}

/* The store */

typedef struct
{
  char    *dir;
  char    *path;
  CfStore *store;
  gint64   product_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfProduct) product = cf_product_new ();

  f->dir = g_dir_make_tmp ("cf-assessment-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "project.db", NULL);
  f->store = cf_store_open_as (f->path, "tester", &error);
  g_assert_no_error (error);

  cf_record_set_field (CF_RECORD (product), "name", "Smart Lock");
  cf_record_set_field (CF_RECORD (product), "model", "SL-1");
  f->product_id = cf_store_add_product (f->store, product, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static guint
count_audit (CfStore *store)
{
  g_autoptr(GPtrArray) audit = cf_store_list_audit (store, 0, NULL);

  return audit->len;
}

static void
test_store_context (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CfAssessmentContext) context = cf_assessment_context_new ();
  g_autoptr(CfAssessmentContext) read = NULL;
  g_autoptr(GError) error = NULL;
  guint audit;

  read = cf_store_get_assessment_context (f->store, f->product_id, &error);
  g_assert_no_error (error);
  g_assert_false (cf_record_is_filled (CF_RECORD (read), "intended-purpose"));
  g_clear_object (&read);

  cf_record_set_field (CF_RECORD (context), "intended-purpose", "  Locks and unlocks a home's front door.  ");
  cf_record_set_field (CF_RECORD (context), "assumptions", "The home network is WPA2 or better.");
  g_assert_true (cf_store_set_assessment_context (f->store, f->product_id, context, &error));
  g_assert_no_error (error);
  audit = count_audit (f->store);

  /* Saving the same again writes nothing, not even to the audit log. */
  g_assert_true (cf_store_set_assessment_context (f->store, f->product_id, context, &error));
  g_assert_cmpuint (count_audit (f->store), ==, audit);

  read = cf_store_get_assessment_context (f->store, f->product_id, &error);
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (read), "intended-purpose"), ==,
                   "Locks and unlocks a home's front door.");
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (read), "assumptions"), ==,
                   "The home network is WPA2 or better.");

  g_assert_null (cf_store_get_assessment_context (f->store, 999, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
}

static void
test_store_threats (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CfThreat) first = threat_new ("Door command", "Replayed unlock", "spoofing", 4, 5);
  g_autoptr(CfThreat) second = threat_new ("Firmware", "Malicious update", "tampering", 2, 5);
  g_autoptr(CfThreat) third = threat_new ("Firmware", "Downgrade attack", "tampering", 2, 4);
  g_autoptr(CfThreat) bad = threat_new ("Firmware", "Bad", "tampering", 7, 1);
  g_autoptr(CfThreat) read = NULL;
  g_autoptr(GPtrArray) threats = NULL;
  g_auto(GStrv) assets = NULL;
  g_autoptr(GError) error = NULL;
  guint audit;

  g_assert_cmpint (cf_store_add_threat (f->store, f->product_id, first, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (cf_store_add_threat (f->store, f->product_id, second, &error), ==, 2);
  g_assert_cmpint (cf_store_add_threat (f->store, f->product_id, third, &error), ==, 3);
  g_assert_cmpint (cf_threat_get_number (third), ==, 3);

  assets = cf_store_list_assets (f->store, f->product_id, &error);
  g_assert_cmpuint (g_strv_length (assets), ==, 2);
  g_assert_cmpstr (assets[0], ==, "Door command");
  g_assert_cmpstr (assets[1], ==, "Firmware");
  g_clear_pointer (&assets, g_strfreev);

  /* Refused: the register is as it was. */
  audit = count_audit (f->store);
  g_assert_cmpint (cf_store_add_threat (f->store, f->product_id, bad, &error), ==, 0);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  assert_contains (error->message, "Likelihood");
  g_clear_error (&error);
  g_assert_cmpuint (count_audit (f->store), ==, audit);
  threats = cf_store_list_threats (f->store, f->product_id, &error);
  g_assert_cmpuint (threats->len, ==, 3);
  g_clear_pointer (&threats, g_ptr_array_unref);

  /* Accepting dates the acceptance. */
  cf_threat_set_residual (first, 3, 4);
  cf_threat_set_treatment (first, "accept");
  cf_threat_set_treatment_reason (first, "Needs radio proximity.");
  cf_threat_set_accepted_by (first, "Jana Novák");
  g_assert_true (cf_store_update_threat (f->store, f->product_id, first, &error));
  g_assert_no_error (error);
  read = cf_store_get_threat (f->store, f->product_id, 1, &error);
  g_assert_cmpint (cf_threat_get_residual_score (read), ==, 12);
  g_assert_true (cf_threat_is_accepted (read));
  g_assert_nonnull (cf_threat_get_accepted_at (read));
  g_clear_object (&read);

  /* Mitigating instead clears who accepted. */
  cf_threat_set_treatment (first, "mitigate");
  g_assert_true (cf_store_update_threat (f->store, f->product_id, first, &error));
  read = cf_store_get_threat (f->store, f->product_id, 1, &error);
  g_assert_null (cf_threat_get_accepted_by (read));
  g_assert_null (cf_threat_get_accepted_at (read));
  g_clear_object (&read);

  /* Removing T2 keeps the numbers of the others and never reuses 2. */
  g_assert_true (cf_store_remove_threat (f->store, f->product_id, 2, &error));
  g_assert_no_error (error);
  g_assert_null (cf_store_get_threat (f->store, f->product_id, 2, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (cf_store_add_threat (f->store, f->product_id, bad, &error), ==, 0);
  g_clear_error (&error);
  cf_threat_set_likelihood (bad, 1);
  g_assert_cmpint (cf_store_add_threat (f->store, f->product_id, bad, &error), ==, 4);

  /* An asset with no threat left goes. */
  cf_threat_set_asset (first, "Door command channel");
  g_assert_true (cf_store_update_threat (f->store, f->product_id, first, &error));
  assets = cf_store_list_assets (f->store, f->product_id, &error);
  g_assert_cmpuint (g_strv_length (assets), ==, 2);
  g_assert_cmpstr (assets[0], ==, "Door command channel");
}

static void
test_store_requirements (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CfThreat) threat = threat_new ("Firmware", "Malicious update", "tampering", 2, 5);
  g_autoptr(CfRequirementAssessment) a = cf_requirement_assessment_new ("AnnexI.PartI.2.f");
  g_autoptr(CfRequirementAssessment) part_two = cf_requirement_assessment_new ("AnnexI.PartII.3");
  g_autoptr(CfRequirementAssessment) unknown_threat = cf_requirement_assessment_new ("AnnexI.PartI.2.c");
  g_autoptr(CfRequirementAssessment) read = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint number;
  guint audit;

  number = cf_store_add_threat (f->store, f->product_id, threat, &error);
  g_assert_no_error (error);

  a->measures = g_strdup ("Firmware images are signed with Ed25519 and verified by the boot loader.");
  a->status = CF_STATUS_IMPLEMENTED;
  g_strfreev (a->standards);
  a->standards = g_strdupv ((char *[]) { "ETSI EN 303 645 5.7", "IEC 62443-4-2 FR3", NULL });
  g_array_append_val (a->threats, number);
  g_assert_true (cf_store_set_requirement_assessment (f->store, f->product_id, a, &error));
  g_assert_no_error (error);

  read = cf_store_get_requirement_assessment (f->store, f->product_id, "AnnexI.PartI.2.f", &error);
  g_assert_no_error (error);
  g_assert_true (read->applies);
  g_assert_cmpint (read->status, ==, CF_STATUS_IMPLEMENTED);
  g_assert_cmpstr (read->measures, ==, a->measures);
  g_assert_cmpuint (g_strv_length (read->standards), ==, 2);
  g_assert_cmpstr (read->standards[1], ==, "IEC 62443-4-2 FR3");
  g_assert_cmpuint (read->threats->len, ==, 1);
  g_assert_cmpint (g_array_index (read->threats, gint, 0), ==, number);
  g_clear_pointer (&read, cf_requirement_assessment_free);

  /* Not assessed is no assessment, not an error. */
  g_assert_null (cf_store_get_requirement_assessment (f->store, f->product_id, "AnnexI.PartI.2.a", &error));
  g_assert_no_error (error);

  /* Saving the same again: no transaction, no audit entry. */
  audit = count_audit (f->store);
  g_assert_true (cf_store_set_requirement_assessment (f->store, f->product_id, a, &error));
  g_assert_cmpuint (count_audit (f->store), ==, audit);

  /* Part II "does not apply" is refused and nothing changes. */
  part_two->applies = FALSE;
  part_two->justification = g_strdup ("No.");
  g_assert_false (cf_store_set_requirement_assessment (f->store, f->product_id, part_two, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpuint (count_audit (f->store), ==, audit);

  /* A threat that is not in the register: refused, nothing half written. */
  unknown_threat->status = CF_STATUS_IN_PROGRESS;
  g_array_append_vals (unknown_threat->threats, (gint[]) { 42 }, 1);
  g_assert_false (cf_store_set_requirement_assessment (f->store, f->product_id, unknown_threat, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  assert_contains (error->message, "T42");
  g_clear_error (&error);
  g_assert_null (cf_store_get_requirement_assessment (f->store, f->product_id, "AnnexI.PartI.2.c", &error));
  g_assert_cmpuint (count_audit (f->store), ==, audit);

  /* Removing the threat unlinks it. */
  g_assert_true (cf_store_remove_threat (f->store, f->product_id, number, &error));
  list = cf_store_list_requirement_assessments (f->store, f->product_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (((CfRequirementAssessment *) g_ptr_array_index (list, 0))->threats->len, ==, 0);
}

/* The declaration stays a draft while the gate is closed. */
static void
test_declaration_waits_for_gate (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = NULL;
  g_autoptr(CfProductStatus) status = NULL;

  missing = cf_declaration_check (f->store, catalogue, f->product_id, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) missing, "assessment.ready"));

  status = cf_product_status_load (f->store, catalogue, f->product_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (status->readiness->ready);
  g_assert_true (cf_readiness_has (status->readiness, "requirement-not-assessed", "AnnexI.PartII.1"));
  g_assert_true (cf_readiness_has (status->readiness, "risk-register-empty", NULL));
  assert_contains (cf_declaration_describe_missing ("assessment.ready"), "risk assessment");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  catalogue = cf_catalogue_load_default (&error);
  g_assert_no_error (error);
  model = cf_risk_model_new (catalogue);

  g_test_add_func ("/assessment/risk/banding", test_banding);
  g_test_add_func ("/assessment/risk/scales-and-stride", test_scales_and_stride);
  g_test_add_func ("/assessment/risk/threat-validation", test_threat_validation);
  g_test_add_func ("/assessment/requirement/part-two-always-applies", test_part_two_always_applies);
  g_test_add_func ("/assessment/requirement/validation", test_requirement_validation);
  g_test_add_func ("/assessment/requirement/standard-clauses", test_standard_clauses);

#define GATE(path, func) g_test_add (path, Ready, NULL, ready_set_up, func, ready_tear_down)
  GATE ("/assessment/gate/ready", test_gate_ready);
  GATE ("/assessment/gate/scope", test_gate_scope);
  GATE ("/assessment/gate/category", test_gate_category);
  GATE ("/assessment/gate/context", test_gate_context);
  GATE ("/assessment/gate/not-assessed", test_gate_not_assessed);
  GATE ("/assessment/gate/justification", test_gate_justification);
  GATE ("/assessment/gate/not-implemented", test_gate_not_implemented);
  GATE ("/assessment/gate/residual-risk", test_gate_residual_risk);
  GATE ("/assessment/gate/empty-register", test_gate_empty_register);
  GATE ("/assessment/gate/evidence", test_gate_evidence);
  GATE ("/assessment/gate/everything-missing", test_gate_everything_missing);
#undef GATE

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/assessment/store/context", test_store_context);
  ADD ("/assessment/store/threats", test_store_threats);
  ADD ("/assessment/store/requirements", test_store_requirements);
  ADD ("/assessment/store/declaration-waits-for-gate", test_declaration_waits_for_gate);
#undef ADD

  status = g_test_run ();

  cf_risk_model_free (model);
  g_object_unref (catalogue);
  return status;
}
