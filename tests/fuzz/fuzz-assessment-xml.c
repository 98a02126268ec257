/* fuzz-assessment-xml.c — one input as a dossier's assessment.xml
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cf-assessment-xml.h"
#include "cf-error.h"
#include "fuzz.h"

#define SHOWN "fuzz-assessment.xml"

static void
check_strv (const char * const *strv)
{
  g_assert_nonnull (strv);
  for (guint i = 0; strv[i] != NULL; i++)
    cf_fuzz_check_text (strv[i]);
}

static void
check_data (CfAssessmentData *data)
{
  cf_fuzz_check_text (data->exported_at);
  cf_fuzz_check_text (data->product_name);
  cf_fuzz_check_text (data->product_model);
  cf_fuzz_check_text (data->product_version);
  cf_fuzz_check_text (data->manufacturer_name);
  cf_fuzz_check_text (data->manufacturer_address);
  cf_fuzz_check_text (data->category);
  cf_fuzz_check_text (data->procedure);
  cf_fuzz_check_text (data->intended_purpose);
  check_strv ((const char * const *) data->procedures);

  for (guint i = 0; i < data->requirements->len; i++)
    {
      CfAssessedRequirement *r = g_ptr_array_index (data->requirements, i);

      g_assert_nonnull (r->id);
      cf_fuzz_check_text (r->id);
      cf_fuzz_check_text (r->reference);
      cf_fuzz_check_text (r->text);
      cf_fuzz_check_text (r->status);
      cf_fuzz_check_text (r->justification);
      cf_fuzz_check_text (r->measures);
      check_strv ((const char * const *) r->standards);
      g_assert_true (r->assessed || r->status == NULL);
      g_assert_true (cf_assessment_data_find_requirement (data, r->id) != NULL);
    }

  for (guint i = 0; i < data->threats->len; i++)
    {
      CfAssessedThreat *t = g_ptr_array_index (data->threats, i);

      g_assert_cmpint (t->number, >=, 1);
      g_assert_cmpint (t->likelihood, >=, 1);
      g_assert_cmpint (t->likelihood, <=, 5);
      g_assert_cmpint (t->impact, >=, 1);
      g_assert_cmpint (t->impact, <=, 5);
      g_assert_cmpint (t->residual_likelihood, <=, 5);
      g_assert_cmpint (t->residual_impact, <=, 5);
      g_assert_true ((t->residual_likelihood == 0) == (t->residual_impact == 0));
      cf_fuzz_check_text (t->title);
      cf_fuzz_check_text (t->asset);
      cf_fuzz_check_text (t->stride);
      cf_fuzz_check_text (t->description);
      cf_fuzz_check_text (t->treatment);
      cf_fuzz_check_text (t->mitigations);
    }

  for (guint i = 0; i < data->evidence->len; i++)
    {
      CfAssessedEvidence *e = g_ptr_array_index (data->evidence, i);

      g_assert_cmpint (e->id, >=, 1);
      cf_fuzz_check_text (e->title);
      cf_fuzz_check_text (e->kind);
      cf_fuzz_check_text (e->file_name);
      cf_fuzz_check_text (e->media_type);
      cf_fuzz_check_text (e->sha256);
      cf_fuzz_check_text (e->valid_until);
      check_strv ((const char * const *) e->requirements);
      g_assert_true (cf_assessment_data_find_evidence (data, e->id) != NULL);
    }
}

static void
assert_strv_equal (GStrv a,
                   GStrv b)
{
  g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
  for (guint i = 0; a[i] != NULL; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

static void
assert_array_equal (GArray *a,
                    GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpmem (a->data, a->len * g_array_get_element_size (a),
                   b->data, b->len * g_array_get_element_size (b));
}

/* Written again, it reads the same: a reviewer sees what was exported. */
static void
check_round_trip (CfAssessmentData *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) written = cf_assessment_xml_write (data, &error);
  g_autoptr(CfAssessmentData) again = NULL;

  g_assert_no_error (error);
  again = cf_assessment_xml_read (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                                  SHOWN, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (again->exported_at, ==, data->exported_at);
  g_assert_cmpint (again->product_id, ==, data->product_id);
  g_assert_cmpstr (again->product_name, ==, data->product_name);
  g_assert_cmpstr (again->product_model, ==, data->product_model);
  g_assert_cmpstr (again->product_version, ==, data->product_version);
  g_assert_cmpstr (again->intended_purpose, ==, data->intended_purpose);
  g_assert_cmpstr (again->manufacturer_name, ==, data->manufacturer_name);
  g_assert_cmpstr (again->manufacturer_address, ==, data->manufacturer_address);
  g_assert_cmpstr (again->category, ==, data->category);
  g_assert_cmpstr (again->procedure, ==, data->procedure);
  assert_strv_equal (again->procedures, data->procedures);

  g_assert_cmpuint (again->requirements->len, ==, data->requirements->len);
  for (guint i = 0; i < data->requirements->len; i++)
    {
      CfAssessedRequirement *a = g_ptr_array_index (data->requirements, i);
      CfAssessedRequirement *b = g_ptr_array_index (again->requirements, i);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpstr (a->reference, ==, b->reference);
      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpint (a->assessed, ==, b->assessed);
      g_assert_cmpint (a->applies, ==, b->applies);
      g_assert_cmpstr (a->status, ==, b->status);
      g_assert_cmpstr (a->justification, ==, b->justification);
      g_assert_cmpstr (a->measures, ==, b->measures);
      assert_strv_equal (a->standards, b->standards);
      assert_array_equal (a->threats, b->threats);
      assert_array_equal (a->evidence, b->evidence);
    }

  g_assert_cmpuint (again->threats->len, ==, data->threats->len);
  for (guint i = 0; i < data->threats->len; i++)
    {
      CfAssessedThreat *a = g_ptr_array_index (data->threats, i);
      CfAssessedThreat *b = g_ptr_array_index (again->threats, i);

      g_assert_cmpint (a->number, ==, b->number);
      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpstr (a->asset, ==, b->asset);
      g_assert_cmpstr (a->stride, ==, b->stride);
      g_assert_cmpstr (a->description, ==, b->description);
      g_assert_cmpint (a->likelihood, ==, b->likelihood);
      g_assert_cmpint (a->impact, ==, b->impact);
      g_assert_cmpint (a->residual_likelihood, ==, b->residual_likelihood);
      g_assert_cmpint (a->residual_impact, ==, b->residual_impact);
      g_assert_cmpstr (a->treatment, ==, b->treatment);
      g_assert_cmpstr (a->mitigations, ==, b->mitigations);
    }

  g_assert_cmpuint (again->evidence->len, ==, data->evidence->len);
  for (guint i = 0; i < data->evidence->len; i++)
    {
      CfAssessedEvidence *a = g_ptr_array_index (data->evidence, i);
      CfAssessedEvidence *b = g_ptr_array_index (again->evidence, i);

      g_assert_cmpint (a->id, ==, b->id);
      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpstr (a->kind, ==, b->kind);
      g_assert_cmpint (a->version, ==, b->version);
      g_assert_cmpstr (a->file_name, ==, b->file_name);
      g_assert_cmpstr (a->media_type, ==, b->media_type);
      g_assert_cmpuint (a->size, ==, b->size);
      g_assert_cmpstr (a->sha256, ==, b->sha256);
      g_assert_cmpstr (a->valid_until, ==, b->valid_until);
      assert_strv_equal (a->requirements, b->requirements);
    }
}

int
cf_fuzz_assessment_xml (const guint8 *data,
                        gsize         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfAssessmentData) assessment = NULL;

  cf_fuzz_init ();

  assessment = cf_assessment_xml_read ((const char *) data, size, SHOWN, &error);
  cf_fuzz_check_outcome (assessment != NULL, error, SHOWN);
  if (assessment == NULL)
    {
      g_assert_true (g_error_matches (error, CF_ERROR, CF_ERROR_INVALID_INPUT));
      return 0;
    }

  check_data (assessment);
  check_round_trip (assessment);

  return 0;
}
