/* test-assessment-xml.c — the assessment as XML: a faithful round trip,
 * output the schema accepts, any text the user typed, and hostile input
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <string.h>

#include "cf-assessment-xml.h"
#include "cf-error.h"
#include "cf-product-status.h"
#include "cf-store.h"

#define NS CF_ASSESSMENT_XML_NAMESPACE
#define SHA "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

typedef struct
{
  char        *dir;
  CfStore     *store;
  CfCatalogue *catalogue;
  gint64       product_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("cf-assessment-xml-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "project.db", NULL);
  f->store = cf_store_open_as (path, "tester", &error);
  g_assert_no_error (error);
  f->product_id = cf_store_add_example (f->store, &error);
  g_assert_no_error (error);
  f->catalogue = cf_catalogue_load_default (&error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  unused)
{
  const char *name;
  GDir *dir;

  g_clear_object (&f->store);
  g_clear_object (&f->catalogue);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static CfAssessmentData *
load_example (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CfAssessmentData *data = cf_assessment_data_load (f->store, f->catalogue, f->product_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

static GBytes *
write_data (CfAssessmentData *data)
{
  g_autoptr(GError) error = NULL;
  GBytes *xml = cf_assessment_xml_write (data, &error);

  g_assert_no_error (error);
  g_assert_nonnull (xml);
  return xml;
}

static CfAssessmentData *
read_bytes (GBytes *xml)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *text = g_bytes_get_data (xml, &length);
  CfAssessmentData *data = cf_assessment_xml_read (text, length, "test.xml", &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

static void
assert_strv_equal (char **a,
                   char **b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
  for (guint i = 0; a[i] != NULL; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

static void
assert_data_equal (CfAssessmentData *a,
                   CfAssessmentData *b)
{
  g_assert_cmpstr (a->exported_at, ==, b->exported_at);
  g_assert_cmpint (a->product_id, ==, b->product_id);
  g_assert_cmpstr (a->product_name, ==, b->product_name);
  g_assert_cmpstr (a->product_model, ==, b->product_model);
  g_assert_cmpstr (a->product_version, ==, b->product_version);
  g_assert_cmpstr (a->manufacturer_name, ==, b->manufacturer_name);
  g_assert_cmpstr (a->manufacturer_address, ==, b->manufacturer_address);
  g_assert_cmpstr (a->category, ==, b->category);
  g_assert_cmpstr (a->procedure, ==, b->procedure);
  assert_strv_equal (a->procedures, b->procedures);
  g_assert_cmpstr (a->intended_purpose, ==, b->intended_purpose);

  g_assert_cmpuint (a->requirements->len, ==, b->requirements->len);
  for (guint i = 0; i < a->requirements->len; i++)
    {
      CfAssessedRequirement *ra = g_ptr_array_index (a->requirements, i);
      CfAssessedRequirement *rb = g_ptr_array_index (b->requirements, i);

      g_assert_cmpstr (ra->id, ==, rb->id);
      g_assert_cmpstr (ra->reference, ==, rb->reference);
      g_assert_cmpstr (ra->text, ==, rb->text);
      g_assert_cmpint (ra->assessed, ==, rb->assessed);
      g_assert_cmpint (ra->applies, ==, rb->applies);
      g_assert_cmpstr (ra->status, ==, rb->status);
      g_assert_cmpstr (ra->justification, ==, rb->justification);
      g_assert_cmpstr (ra->measures, ==, rb->measures);
      assert_strv_equal (ra->standards, rb->standards);
      g_assert_cmpmem (ra->threats->data, ra->threats->len * sizeof (gint),
                       rb->threats->data, rb->threats->len * sizeof (gint));
      g_assert_cmpmem (ra->evidence->data, ra->evidence->len * sizeof (gint64),
                       rb->evidence->data, rb->evidence->len * sizeof (gint64));
    }

  g_assert_cmpuint (a->threats->len, ==, b->threats->len);
  for (guint i = 0; i < a->threats->len; i++)
    {
      CfAssessedThreat *ta = g_ptr_array_index (a->threats, i);
      CfAssessedThreat *tb = g_ptr_array_index (b->threats, i);

      g_assert_cmpint (ta->number, ==, tb->number);
      g_assert_cmpstr (ta->title, ==, tb->title);
      g_assert_cmpstr (ta->asset, ==, tb->asset);
      g_assert_cmpstr (ta->stride, ==, tb->stride);
      g_assert_cmpstr (ta->description, ==, tb->description);
      g_assert_cmpint (ta->likelihood, ==, tb->likelihood);
      g_assert_cmpint (ta->impact, ==, tb->impact);
      g_assert_cmpint (ta->residual_likelihood, ==, tb->residual_likelihood);
      g_assert_cmpint (ta->residual_impact, ==, tb->residual_impact);
      g_assert_cmpstr (ta->treatment, ==, tb->treatment);
      g_assert_cmpstr (ta->mitigations, ==, tb->mitigations);
    }

  g_assert_cmpuint (a->evidence->len, ==, b->evidence->len);
  for (guint i = 0; i < a->evidence->len; i++)
    {
      CfAssessedEvidence *ea = g_ptr_array_index (a->evidence, i);
      CfAssessedEvidence *eb = g_ptr_array_index (b->evidence, i);

      g_assert_cmpint (ea->id, ==, eb->id);
      g_assert_cmpstr (ea->title, ==, eb->title);
      g_assert_cmpstr (ea->kind, ==, eb->kind);
      g_assert_cmpint (ea->version, ==, eb->version);
      g_assert_cmpstr (ea->file_name, ==, eb->file_name);
      g_assert_cmpstr (ea->media_type, ==, eb->media_type);
      g_assert_cmpuint (ea->size, ==, eb->size);
      g_assert_cmpstr (ea->sha256, ==, eb->sha256);
      g_assert_cmpstr (ea->valid_until, ==, eb->valid_until);
      assert_strv_equal (ea->requirements, eb->requirements);
    }
}

/* Against the schema file in data/, not the copy compiled into the
 * program, so a stale resource would show. */
static void
assert_valid_against_schema_file (GBytes *xml)
{
  g_autofree char *path = g_build_filename (g_getenv ("CONFORMITY_SRCDIR"), "data",
                                            "conformity-assessment.xsd", NULL);
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt (path);
  xmlSchemaPtr schema = xmlSchemaParse (parser);
  xmlSchemaValidCtxtPtr valid;
  gsize length;
  const char *text = g_bytes_get_data (xml, &length);
  xmlDocPtr doc = xmlReadMemory (text, (int) length, "output.xml", NULL, XML_PARSE_NONET);

  g_assert_nonnull (schema);
  g_assert_nonnull (doc);
  valid = xmlSchemaNewValidCtxt (schema);
  g_assert_cmpint (xmlSchemaValidateDoc (valid, doc), ==, 0);

  xmlSchemaFreeValidCtxt (valid);
  xmlFreeDoc (doc);
  xmlSchemaFree (schema);
  xmlSchemaFreeParserCtxt (parser);
}

/* The command line tool reviewers are likely to use, when it is here. */
static void
assert_valid_with_xmllint (GBytes *xml)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *schema = g_build_filename (g_getenv ("CONFORMITY_SRCDIR"), "data",
                                              "conformity-assessment.xsd", NULL);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "assessment.xml", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (xmllint == NULL)
    {
      g_test_message ("xmllint is not installed; only libxml2 checked the output");
      return;
    }

  g_file_set_contents (path, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL,
                (char *[]) { xmllint, "--noout", "--nonet", "--schema", schema, path, NULL },
                NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint refused the output: %s", err);
  g_unlink (path);
}

/* The example product */

static void
test_example_load (Fixture       *f,
                   gconstpointer  unused)
{
  g_autoptr(CfAssessmentData) data = load_example (f);
  g_autoptr(CfProductStatus) status = NULL;
  g_autoptr(GPtrArray) items = cf_requirements_list (f->catalogue);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) usable = NULL;
  guint n_assessed = 0, n_with_evidence = 0, n_with_threats = 0;

  g_assert_cmpint (data->product_id, ==, f->product_id);
  g_assert_nonnull (data->product_name);
  g_assert_nonnull (data->manufacturer_name);
  g_assert_nonnull (data->manufacturer_address);
  g_assert_nonnull (data->category);
  g_assert_nonnull (data->procedure);
  g_assert_nonnull (data->intended_purpose);
  g_assert_true (g_str_has_suffix (data->exported_at, "Z"));

  /* The same procedures the window and the CLI show. */
  status = cf_product_status_load (f->store, f->catalogue, f->product_id, NULL, &error);
  g_assert_no_error (error);
  usable = cf_routing_usable_ids (status->routes);
  g_assert_cmpuint (g_strv_length (usable), >, 0);
  assert_strv_equal (data->procedures, usable);

  /* Every essential requirement, in catalogue order. */
  g_assert_cmpuint (data->requirements->len, ==, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      CfAssessedRequirement *r = g_ptr_array_index (data->requirements, i);

      g_assert_cmpstr (r->id, ==, cf_catalogue_item_get_id (g_ptr_array_index (items, i)));
      g_assert_nonnull (r->reference);
      g_assert_nonnull (r->standards);
      g_assert_true (r->assessed == (r->status != NULL));
      n_assessed += r->assessed;
      n_with_threats += r->threats->len > 0;
      n_with_evidence += r->evidence->len > 0;

      /* Requirement → evidence is evidence → requirement, turned round. */
      for (guint e = 0; e < r->evidence->len; e++)
        {
          CfAssessedEvidence *item =
            cf_assessment_data_find_evidence (data, g_array_index (r->evidence, gint64, e));

          g_assert_nonnull (item);
          g_assert_true (g_strv_contains ((const char * const *) item->requirements, r->id));
        }
    }
  g_assert_cmpuint (n_assessed, >, 0);
  g_assert_cmpuint (n_with_threats, >, 0);
  g_assert_cmpuint (n_with_evidence, >, 0);

  g_assert_cmpuint (data->threats->len, ==, status->threats->len);
  g_assert_cmpuint (data->threats->len, >, 0);
  g_assert_cmpuint (data->evidence->len, ==, status->evidence->len);
  for (guint i = 0; i < data->evidence->len; i++)
    {
      CfAssessedEvidence *e = g_ptr_array_index (data->evidence, i);

      g_assert_cmpint (e->version, >=, 1);
      g_assert_nonnull (e->file_name);
      g_assert_cmpuint (strlen (e->sha256), ==, 64);
      g_assert_true (cf_assessment_data_find_evidence (data, e->id) == e);
    }

  g_assert_null (cf_assessment_data_find_requirement (data, "AnnexI.PartI.99"));
  g_assert_null (cf_assessment_data_find_evidence (data, 999999));
}

static void
test_example_round_trip (Fixture       *f,
                         gconstpointer  unused)
{
  g_autoptr(CfAssessmentData) data = load_example (f);
  g_autoptr(GBytes) xml = write_data (data);
  g_autoptr(CfAssessmentData) back = read_bytes (xml);
  g_autoptr(GBytes) again = write_data (back);

  assert_data_equal (data, back);
  /* Written again, byte for byte the same document. */
  g_assert_true (g_bytes_equal (xml, again));
}

static void
test_example_valid (Fixture       *f,
                    gconstpointer  unused)
{
  g_autoptr(CfAssessmentData) data = load_example (f);
  g_autoptr(GBytes) xml = write_data (data);
  const char *text = g_bytes_get_data (xml, NULL);

  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
  g_assert_nonnull (strstr (text, "\n<assessment format-version=\"1\" exported-at=\""));
  g_assert_nonnull (strstr (text, " xmlns=\"" NS "\">\n"));
  g_assert_true (g_utf8_validate (text, g_bytes_get_size (xml), NULL));
  assert_valid_against_schema_file (xml);
  assert_valid_with_xmllint (xml);
}

static void
test_unclassified (Fixture       *f,
                   gconstpointer  unused)
{
  g_autoptr(CfProduct) product = cf_product_new ();
  g_autoptr(CfAssessmentData) data = NULL;
  g_autoptr(CfAssessmentData) back = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  cf_record_set_field (CF_RECORD (product), "name", "Bare");
  cf_record_set_field (CF_RECORD (product), "model", "B-1");
  id = cf_store_add_product (f->store, product, &error);
  g_assert_no_error (error);

  data = cf_assessment_data_load (f->store, f->catalogue, id, &error);
  g_assert_no_error (error);
  g_assert_null (data->category);
  g_assert_null (data->product_version);
  g_assert_cmpuint (data->threats->len, ==, 0);
  g_assert_cmpuint (data->evidence->len, ==, 0);
  for (guint i = 0; i < data->requirements->len; i++)
    {
      CfAssessedRequirement *r = g_ptr_array_index (data->requirements, i);

      g_assert_false (r->assessed);
      g_assert_null (r->status);
      g_assert_cmpuint (r->evidence->len, ==, 0);
    }

  xml = write_data (data);
  assert_valid_against_schema_file (xml);
  back = read_bytes (xml);
  assert_data_equal (data, back);
}

static void
test_missing_product (Fixture       *f,
                      gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  CfAssessmentData *data = cf_assessment_data_load (f->store, f->catalogue, 424242, &error);

  g_assert_null (data);
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
}

/* Any text */

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
test_any_text (Fixture       *f,
               gconstpointer  unused)
{
  /* Kept exactly: white space of every kind (a CR alone, CRLF, tabs,
   * leading and trailing spaces), markup characters, "]]>", bidirectional
   * controls, emoji with joiners and flags, combining marks, C1 controls,
   * DEL and non-characters XML 1.0 allows. */
  static const char kept[] =
    "  lead\ttab\nline\rcr\r\ncrlf  <a href=\"x\">&amp; ' ]]> "
    "\u200F\u202Eעברית\u202C \u2067عربى\u2069 👩‍💻🇪🇺 e\u0301 \xC2\x85" "\x7F" "\uFDD0\U0010FFFD ";
  /* Replaced with U+FFFD: C0 controls, U+FFFE, U+FFFF and bytes that are
   * not UTF-8. */
  static const char replaced_in[] =
    "a\x01" "b\x1b[31m" "c\x7f\xEF\xBF\xBE\xEF\xBF\xBF\xff" "d\x0b\x0c";
  static const char replaced_out[] =
    "a\uFFFD" "b\uFFFD[31m" "c\x7f\uFFFD\uFFFD\uFFFD" "d\uFFFD\uFFFD";
  g_autoptr(CfAssessmentData) data = load_example (f);
  g_autoptr(CfAssessmentData) back = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  CfAssessedRequirement *r = g_ptr_array_index (data->requirements, 0);
  CfAssessedThreat *t = g_ptr_array_index (data->threats, 0);
  CfAssessedEvidence *e = g_ptr_array_index (data->evidence, 0);
  const char *text;
  gsize length;

  /* 100 KB, with a line feed now and then. */
  while (big->len < 100 * 1024)
    g_string_append (big, "Ünïcödé text, 1234567890 — ✓ 😀\n");

  set_string (&data->product_name, kept);
  set_string (&data->product_model, "");
  set_string (&data->product_version, "   ");
  set_string (&data->manufacturer_address, "Straße 1\r\n12345 Köln\r\n");
  set_string (&data->intended_purpose, big->str);
  set_string (&r->measures, replaced_in);
  set_string (&r->justification, kept);
  g_strfreev (r->standards);
  r->standards = g_strdupv ((char *[]) { (char *) kept, "", (char *) replaced_in, NULL });
  set_string (&t->title, kept);
  set_string (&t->description, big->str);
  set_string (&t->mitigations, replaced_in);
  set_string (&e->title, kept);
  set_string (&e->file_name, "re\tport\n\r.pdf");
  set_string (&e->media_type, "application/pdf; name=\"a&b\"");

  xml = write_data (data);
  text = g_bytes_get_data (xml, &length);
  g_assert_true (g_utf8_validate (text, length, NULL));
  g_assert_null (memchr (text, '\x01', length));
  g_assert_null (memchr (text, '\x1b', length));
  assert_valid_against_schema_file (xml);
  assert_valid_with_xmllint (xml);

  back = read_bytes (xml);

  /* What was replaced, as documented… */
  r = g_ptr_array_index (back->requirements, 0);
  t = g_ptr_array_index (back->threats, 0);
  g_assert_cmpstr (r->measures, ==, replaced_out);
  g_assert_cmpstr (r->standards[2], ==, replaced_out);
  g_assert_cmpstr (t->mitigations, ==, replaced_out);

  /* …and everything else as it was. */
  r = g_ptr_array_index (data->requirements, 0);
  t = g_ptr_array_index (data->threats, 0);
  set_string (&r->measures, replaced_out);
  set_string (&t->mitigations, replaced_out);
  set_string (&r->standards[2], replaced_out);
  assert_data_equal (data, back);
  g_assert_cmpuint (strlen (back->intended_purpose), ==, big->len);
}

/* Hostile or broken input */

static char *
minimal_document (void)
{
  return g_strdup ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<assessment xmlns=\"" NS "\" format-version=\"1\"\n"
                   "            exported-at=\"2026-01-02T03:04:05Z\">\n"
                   "  <product id=\"7\"><name>Router</name></product>\n"
                   "  <classification category=\"default\" procedure=\"module-a\">\n"
                   "    <open-procedure id=\"module-a\"/>\n"
                   "  </classification>\n"
                   "  <requirements>\n"
                   "    <requirement id=\"AnnexI.PartI.1\" assessed=\"true\" applies=\"true\"\n"
                   "                 status=\"implemented\">\n"
                   "      <threat-ref number=\"1\"/><evidence-ref id=\"3\"/>\n"
                   "    </requirement>\n"
                   "  </requirements>\n"
                   "  <threats>\n"
                   "    <threat number=\"1\" stride=\"tampering\" likelihood=\"2\" impact=\"3\">\n"
                   "      <title>Firmware replaced</title><asset>Firmware</asset>\n"
                   "    </threat>\n"
                   "  </threats>\n"
                   "  <evidence>\n"
                   "    <item id=\"3\" kind=\"test-report\" valid-until=\"2027-12-31\">\n"
                   "      <title>Report</title>\n"
                   "      <file version=\"2\" name=\"r.pdf\" size=\"10\" sha256=\"" SHA "\"/>\n"
                   "      <requirement-ref id=\"AnnexI.PartI.1\"/>\n"
                   "    </item>\n"
                   "  </evidence>\n"
                   "</assessment>\n");
}

static char *
replace (const char *text,
         const char *old,
         const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

static void
test_minimal (void)
{
  g_autofree char *xml = minimal_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CfAssessmentData) data = cf_assessment_xml_read (xml, strlen (xml), "minimal.xml",
                                                             &error);
  CfAssessedRequirement *r;
  CfAssessedEvidence *e;

  g_assert_no_error (error);
  g_assert_cmpint (data->product_id, ==, 7);
  g_assert_cmpstr (data->product_name, ==, "Router");
  g_assert_null (data->product_model);
  g_assert_null (data->manufacturer_name);
  g_assert_cmpstr (data->category, ==, "default");
  g_assert_cmpstr (data->procedure, ==, "module-a");
  g_assert_cmpstr (data->procedures[0], ==, "module-a");
  g_assert_null (data->procedures[1]);

  r = cf_assessment_data_find_requirement (data, "AnnexI.PartI.1");
  g_assert_nonnull (r);
  g_assert_true (r->assessed);
  g_assert_true (r->applies);
  g_assert_cmpstr (r->status, ==, "implemented");
  g_assert_cmpuint (r->threats->len, ==, 1);
  g_assert_cmpint (g_array_index (r->threats, gint, 0), ==, 1);
  g_assert_cmpint (g_array_index (r->evidence, gint64, 0), ==, 3);

  e = cf_assessment_data_find_evidence (data, 3);
  g_assert_nonnull (e);
  g_assert_cmpint (e->version, ==, 2);
  g_assert_cmpuint (e->size, ==, 10);
  g_assert_cmpstr (e->sha256, ==, SHA);
  g_assert_cmpstr (e->valid_until, ==, "2027-12-31");
  g_assert_cmpstr (e->requirements[0], ==, "AnnexI.PartI.1");
}

/* The message names the file, the line when there is one, and the
 * problem. */
static void
assert_refused (const char *xml,
                gsize       length,
                int         line,
                const char *problem)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfAssessmentData) data = cf_assessment_xml_read (xml, length, "hostile.xml", &error);

  g_assert_null (data);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“hostile.xml”"));
  if (line > 0)
    {
      g_autofree char *at = g_strdup_printf ("line %d:", line);

      g_assert_nonnull (strstr (error->message, at));
    }
  g_assert_nonnull (strstr (error->message, problem));
}

static void
test_refuse_not_xml (void)
{
  static const char text[] = "This is a plain text file.\n";

  assert_refused (text, strlen (text), 1, "not well-formed XML");
  assert_refused ("", 0, 0, "hostile.xml");
  assert_refused ("{\"assessment\": 1}", 17, 1, "not well-formed XML");
}

static void
test_refuse_external_entity (void)
{
  static const char text[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE assessment [\n"
    "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
    "]>\n"
    "<assessment xmlns=\"" NS "\">&xxe;</assessment>\n";

  assert_refused (text, strlen (text), 0, "DOCTYPE");
}

static void
test_refuse_external_dtd (void)
{
  static const char text[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE assessment SYSTEM \"http://example.invalid/evil.dtd\">\n"
    "<assessment xmlns=\"" NS "\"/>\n";

  assert_refused (text, strlen (text), 0, "DOCTYPE");
}

static void
test_refuse_billion_laughs (void)
{
  GString *text = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
                                "  <!ENTITY lol \"lol\">\n");

  for (int i = 1; i <= 9; i++)
    {
      g_string_append_printf (text, "  <!ENTITY lol%d \"", i);
      for (int j = 0; j < 10; j++)
        if (i == 1)
          g_string_append (text, "&lol;");
        else
          g_string_append_printf (text, "&lol%d;", i - 1);
      g_string_append (text, "\">\n");
    }
  g_string_append (text, "]>\n<assessment xmlns=\"" NS "\">&lol9;</assessment>\n");

  assert_refused (text->str, text->len, 0, "DOCTYPE");
  g_string_free (text, TRUE);
}

static void
test_refuse_undeclared_entity (void)
{
  g_autofree char *base = minimal_document ();
  g_autofree char *xml = replace (base, "<name>Router</name>", "<name>&xxe;</name>");

  assert_refused (xml, strlen (xml), 4, "not well-formed XML");
}

static void
test_refuse_wrong_root (void)
{
  static const char other_root[] = "<?xml version=\"1.0\"?>\n\n<catalogue xmlns=\"" NS "\"/>\n";
  static const char other_ns[] =
    "<?xml version=\"1.0\"?>\n"
    "<assessment xmlns=\"https://example.com/other\" format-version=\"1\"/>\n";
  static const char no_ns[] = "<assessment format-version=\"1\"/>";

  assert_refused (other_root, strlen (other_root), 3, "root element is <catalogue");
  assert_refused (other_ns, strlen (other_ns), 2, "https://example.com/other");
  assert_refused (no_ns, strlen (no_ns), 1, "without a namespace");
}

static void
test_refuse_missing_element (void)
{
  g_autofree char *base = minimal_document ();
  g_autofree char *no_asset = replace (base, "<asset>Firmware</asset>", "");
  g_autofree char *no_product = replace (base, "<product id=\"7\"><name>Router</name></product>",
                                         "");
  g_autofree char *no_attribute = replace (base, " impact=\"3\"", "");

  assert_refused (no_asset, strlen (no_asset), 15,
                  "Element 'threat': Missing child element(s). Expected is ( asset )");
  assert_refused (no_product, strlen (no_product), 5, "product");
  assert_refused (no_attribute, strlen (no_attribute), 15, "impact");
}

static void
test_refuse_invalid_values (void)
{
  g_autofree char *base = minimal_document ();
  g_autofree char *short_sha = replace (base, SHA, "0123456789abcdef");
  g_autofree char *upper_sha = replace (base, SHA, "0123456789ABCDEF0123456789abcdef"
                                                   "0123456789abcdef0123456789abcdef");
  g_autofree char *status = replace (base, "status=\"implemented\"", "status=\"done\"");
  g_autofree char *category = replace (base, "category=\"default\"", "category=\"class-3\"");
  g_autofree char *procedure = replace (base, "<open-procedure id=\"module-a\"/>",
                                        "<open-procedure id=\"module-z\"/>");
  g_autofree char *size = replace (base, "size=\"10\"", "size=\"-1\"");
  g_autofree char *huge = replace (base, "size=\"10\"", "size=\"18446744073709551616\"");
  g_autofree char *level = replace (base, "likelihood=\"2\"", "likelihood=\"6\"");
  g_autofree char *version = replace (base, "format-version=\"1\"", "format-version=\"2\"");
  g_autofree char *dangling = replace (base, "<evidence-ref id=\"3\"/>",
                                       "<evidence-ref id=\"4\"/>");
  g_autofree char *unexpected = replace (base, "<title>Report</title>",
                                         "<title>Report</title><surprise/>");
  g_autofree char *half_assessed = replace (base, " applies=\"true\"", "");
  g_autofree char *not_assessed = replace (base, "assessed=\"true\"", "assessed=\"false\"");
  g_autofree char *half_residual = replace (base, "impact=\"3\"",
                                            "impact=\"3\" residual-impact=\"1\"");

  assert_refused (short_sha, strlen (short_sha), 22, "sha256");
  assert_refused (upper_sha, strlen (upper_sha), 22, "sha256");
  assert_refused (status, strlen (status), 10, "status");
  assert_refused (category, strlen (category), 5, "category");
  assert_refused (procedure, strlen (procedure), 6, "module-z");
  assert_refused (size, strlen (size), 22, "size");
  assert_refused (huge, strlen (huge), 22, "size");
  assert_refused (level, strlen (level), 15, "likelihood");
  assert_refused (version, strlen (version), 3, "format-version");
  assert_refused (dangling, strlen (dangling), 11, "keyref");
  assert_refused (unexpected, strlen (unexpected), 21, "surprise");
  assert_refused (half_assessed, strlen (half_assessed), 10, "applies and status");
  assert_refused (not_assessed, strlen (not_assessed), 10, "applies or status");
  assert_refused (half_residual, strlen (half_residual), 15, "residual");
}

/* The file cannot choose the schema it is checked against, nor make the
 * reader fetch one. */
static void
test_refuse_schema_location (void)
{
  g_autofree char *base = minimal_document ();
  g_autofree char *located = replace (base, " format-version=\"1\"",
                                      " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                                      " xsi:schemaLocation=\"" NS
                                      " http://example.invalid/lax.xsd\""
                                      " format-version=\"1\"");
  g_autofree char *invalid = replace (located, SHA, "not-a-hash");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfAssessmentData) data = NULL;

  data = cf_assessment_xml_read (located, strlen (located), "located.xml", &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  assert_refused (invalid, strlen (invalid), 22, "sha256");
}

static void
test_refuse_truncated (void)
{
  g_autofree char *xml = minimal_document ();
  gsize length = strlen (xml);

  for (gsize cut = 0; cut < length - 1; cut += 7)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfAssessmentData) data = cf_assessment_xml_read (xml, cut, "hostile.xml", &error);

      g_assert_null (data);
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "“hostile.xml”"));
    }

  assert_refused (xml, length / 2, 0, "not well-formed XML");
}

static void
test_refuse_too_large (void)
{
  const gsize limit = CF_ASSESSMENT_XML_MAX_SIZE;
  static const char closing[] = "</assessment>\n";
  g_autofree char *valid = minimal_document ();
  g_autoptr(GString) xml = g_string_sized_new (limit + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfAssessmentData) data = NULL;
  gsize remaining;

  /* A valid document padded with comments to the limit exactly; each
   * stays under libxml2's own limit for one node. */
  g_string_append_len (xml, valid, strlen (valid) - strlen (closing));
  while ((remaining = limit - xml->len - strlen (closing)) > 2 << 20)
    {
      g_string_append (xml, "<!--");
      g_string_set_size (xml, xml->len + (1 << 20));
      memset (xml->str + xml->len - (1 << 20), 'x', 1 << 20);
      g_string_append (xml, "-->\n");
    }
  g_string_append (xml, "<!--");
  g_string_set_size (xml, xml->len + remaining - 7);
  memset (xml->str + xml->len - (remaining - 7), 'x', remaining - 7);
  g_string_append (xml, "-->");
  g_string_append (xml, closing);
  g_assert_cmpuint (xml->len, ==, limit);

  data = cf_assessment_xml_read (xml->str, xml->len, "large.xml", &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  g_clear_pointer (&data, cf_assessment_data_free);

  /* One byte more is refused before it is parsed. */
  g_string_insert_c (xml, xml->len - strlen (closing), '\n');
  data = cf_assessment_xml_read (xml->str, xml->len, "hostile.xml", &error);
  g_assert_null (data);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "“hostile.xml”"));
  g_assert_nonnull (strstr (error->message, "too large"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/assessment-xml/example/load", test_example_load);
  ADD ("/assessment-xml/example/round-trip", test_example_round_trip);
  ADD ("/assessment-xml/example/valid", test_example_valid);
  ADD ("/assessment-xml/unclassified", test_unclassified);
  ADD ("/assessment-xml/missing-product", test_missing_product);
  ADD ("/assessment-xml/any-text", test_any_text);
#undef ADD
  g_test_add_func ("/assessment-xml/minimal", test_minimal);
  g_test_add_func ("/assessment-xml/refuse/not-xml", test_refuse_not_xml);
  g_test_add_func ("/assessment-xml/refuse/external-entity", test_refuse_external_entity);
  g_test_add_func ("/assessment-xml/refuse/external-dtd", test_refuse_external_dtd);
  g_test_add_func ("/assessment-xml/refuse/billion-laughs", test_refuse_billion_laughs);
  g_test_add_func ("/assessment-xml/refuse/undeclared-entity", test_refuse_undeclared_entity);
  g_test_add_func ("/assessment-xml/refuse/wrong-root", test_refuse_wrong_root);
  g_test_add_func ("/assessment-xml/refuse/missing-element", test_refuse_missing_element);
  g_test_add_func ("/assessment-xml/refuse/invalid-values", test_refuse_invalid_values);
  g_test_add_func ("/assessment-xml/refuse/schema-location", test_refuse_schema_location);
  g_test_add_func ("/assessment-xml/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/assessment-xml/refuse/too-large", test_refuse_too_large);

  return g_test_run ();
}
