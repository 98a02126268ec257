/* test-field.c — what a text field accepts, and records built on fields
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cf-declaration-info.h"
#include "cf-error.h"
#include "cf-field.h"
#include "cf-manufacturer.h"
#include "cf-product.h"

static const CfFieldSpec name_spec = { "name", "Name", 10, TRUE, FALSE, CF_FIELD_FORMAT_TEXT };
static const CfFieldSpec note_spec = { "note", "Note", 100, FALSE, TRUE, CF_FIELD_FORMAT_TEXT };
static const CfFieldSpec email_spec = { "email", "Email", 100, FALSE, FALSE, CF_FIELD_FORMAT_EMAIL };
static const CfFieldSpec url_spec = { "website", "Website", 100, FALSE, FALSE, CF_FIELD_FORMAT_URL };

static void
assert_refused (const CfFieldSpec *spec,
                const char        *value,
                const char        *expect)
{
  g_autofree char *message = cf_field_spec_check (spec, value);

  g_assert_nonnull (message);
  if (strstr (message, expect) == NULL)
    g_error ("“%s” was refused with “%s”, expected it to mention “%s”", value, message, expect);
}

static void
assert_accepted (const CfFieldSpec *spec,
                 const char        *value)
{
  g_autofree char *message = cf_field_spec_check (spec, value);

  if (message != NULL)
    g_error ("“%s” was refused: %s", value, message);
}

static void
test_text (void)
{
  assert_refused (&name_spec, NULL, "Name is required");
  assert_refused (&name_spec, "  \t ", "required");
  assert_refused (&name_spec, "Łódź Łódź Ł", "at most 10 characters");
  assert_accepted (&name_spec, "Łódź Łódź");   /* 9 characters, 14 bytes */
  assert_refused (&name_spec, "two\nlines", "one line");
  assert_refused (&name_spec, "bell\a", "control character");
  assert_refused (&name_spec, "bad \xff utf8", "UTF-8");

  assert_accepted (&note_spec, NULL);
  assert_accepted (&note_spec, "line one\nline two\twith a tab");
}

static void
test_formats (void)
{
  assert_accepted (&email_spec, "psirt@example.com");
  assert_accepted (&email_spec, " security@ελληνικά.gr ");
  assert_refused (&email_spec, "psirt at example.com", "“psirt at example.com” is not an email address");
  assert_refused (&email_spec, "a@b@c.com", "not an email");
  assert_refused (&email_spec, "a@localhost", "not an email");

  assert_accepted (&url_spec, "https://example.com/security");
  assert_accepted (&url_spec, "http://example.eu");
  assert_refused (&url_spec, "example.com", "not a web address");
  assert_refused (&url_spec, "ftp://example.com", "not a web address");
  assert_refused (&url_spec, "javascript:alert(1)", "not a web address");
}

static void
test_normalize (void)
{
  g_autofree char *trimmed = cf_field_normalize (&name_spec, "  Acme  ");
  g_autofree char *blank = cf_field_normalize (&name_spec, "   ");

  g_assert_cmpstr (trimmed, ==, "Acme");
  g_assert_null (blank);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_record_properties (void)
{
  g_autoptr(CfProduct) product = cf_product_new ();
  g_autoptr(CfProduct) copy = NULL;
  g_autoptr(CfDeclarationInfo) info = cf_declaration_info_new ();
  g_autoptr(CfDeclarationInfo) info_copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  guint notified = 0;

  g_signal_connect (product, "notify::name", G_CALLBACK (notify_cb), &notified);

  /* Fields are real properties, so the window can bind to them. */
  g_object_set (product, "name", "Router", "model", "R-1", NULL);
  g_object_get (product, "name", &name, NULL);
  g_assert_cmpstr (name, ==, "Router");
  g_assert_cmpstr (cf_product_get_model (product), ==, "R-1");
  g_assert_cmpuint (notified, ==, 1);

  /* Setting the same value again notifies nobody. */
  cf_record_set_field (CF_RECORD (product), "name", "Router");
  g_assert_cmpuint (notified, ==, 1);

  g_assert_true (cf_record_validate (CF_RECORD (product), &error));
  g_assert_no_error (error);

  copy = CF_PRODUCT (cf_record_dup (CF_RECORD (product)));
  g_assert_cmpstr (cf_product_get_name (copy), ==, "Router");

  cf_declaration_info_set_procedure (info, CF_PROCEDURE_MODULE_B_C);
  g_object_set (info, "place-of-issue", "Wien", NULL);
  info_copy = CF_DECLARATION_INFO (cf_record_dup (CF_RECORD (info)));
  g_assert_cmpint (cf_declaration_info_get_procedure (info_copy), ==, CF_PROCEDURE_MODULE_B_C);
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (info_copy), "place-of-issue"), ==, "Wien");

  cf_record_set_field (CF_RECORD (product), "model", NULL);
  g_assert_false (cf_record_validate (CF_RECORD (product), &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);

  g_assert_finalize_object (g_steal_pointer (&copy));
}

static void
test_procedures (void)
{
  CfProcedure procedure;

  g_assert_true (cf_procedure_from_id ("module-h", &procedure));
  g_assert_cmpint (procedure, ==, CF_PROCEDURE_MODULE_H);
  g_assert_false (cf_procedure_from_id ("module-z", &procedure));
  g_assert_cmpstr (cf_procedure_to_id (CF_PROCEDURE_MODULE_B_C), ==, "module-b+c");
  g_assert_cmpstr (cf_procedure_to_id (CF_PROCEDURE_CERTIFICATION), ==, "eucc");
  /* The first release's spellings are still understood. */
  g_assert_true (cf_procedure_from_id ("module-b-c", &procedure));
  g_assert_cmpint (procedure, ==, CF_PROCEDURE_MODULE_B_C);
  g_assert_true (cf_procedure_from_id ("certification", &procedure));
  g_assert_cmpint (procedure, ==, CF_PROCEDURE_CERTIFICATION);
  g_assert_false (cf_procedure_needs_notified_body (CF_PROCEDURE_MODULE_A));
  g_assert_true (cf_procedure_needs_notified_body (CF_PROCEDURE_MODULE_H));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/field/text", test_text);
  g_test_add_func ("/field/formats", test_formats);
  g_test_add_func ("/field/normalize", test_normalize);
  g_test_add_func ("/field/record-properties", test_record_properties);
  g_test_add_func ("/field/procedures", test_procedures);

  return g_test_run ();
}
