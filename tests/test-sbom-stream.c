/* test-sbom-stream.c — CycloneDX JSON read from the bytes, against json-glib
 *
 * _cf_sbom_cyclonedx_read_json_stream() must read every document as
 * cf_sbom_parse() reads it through json-glib: the same SBOM, field by
 * field, or a refusal with the same code naming the same place. Every test
 * here is such a comparison, over the SBOMs and fuzz corpus in the tree and
 * over documents made to reach the corners.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cf-error.h"
#include "cf-sbom.h"
#include "cf-sbom-private.h"

/* How one comparison came out. */
typedef enum
{
  SAME_SBOM,
  SAME_REFUSAL,
  DECLINED,     /* the stream reader left it to json-glib */
  NOT_JSON,     /* cf_sbom_parse() never reads it as JSON */
} Outcome;

static void
assert_same_string (const char *what,
                    const char *a,
                    const char *b)
{
  if (g_strcmp0 (a, b) != 0)
    g_error ("%s: json-glib read “%s”, the stream “%s”", what, a ? a : "(null)", b ? b : "(null)");
}

static void
assert_same_component (guint                  index,
                       const CfSbomComponent *a,
                       const CfSbomComponent *b)
{
  g_autofree char *where = g_strdup_printf ("component %u", index);

  assert_same_string (where, a->ref, b->ref);
  assert_same_string (where, a->name, b->name);
  assert_same_string (where, a->version, b->version);
  assert_same_string (where, a->type, b->type);
  assert_same_string (where, a->supplier, b->supplier);
  assert_same_string (where, a->author, b->author);
  assert_same_string (where, a->purl, b->purl);
  assert_same_string (where, a->cpe, b->cpe);
  assert_same_string (where, a->licences, b->licences);
  assert_same_string (where, a->filename, b->filename);
  assert_same_string (where, a->download, b->download);

  g_assert_cmpuint (a->hashes->len, ==, b->hashes->len);
  for (guint i = 0; i < a->hashes->len; i++)
    {
      const CfSbomHash *x = g_ptr_array_index (a->hashes, i);
      const CfSbomHash *y = g_ptr_array_index (b->hashes, i);

      assert_same_string (where, x->algorithm, y->algorithm);
      assert_same_string (where, x->value, y->value);
    }

  g_assert_cmpuint (a->depends_on->len, ==, b->depends_on->len);
  for (guint i = 0; i < a->depends_on->len; i++)
    assert_same_string (where, g_ptr_array_index (a->depends_on, i),
                        g_ptr_array_index (b->depends_on, i));
  g_assert_cmpint (a->dependencies_known, ==, b->dependencies_known);
}

static void
assert_same_sbom (const CfSbom *a,
                  const CfSbom *b)
{
  g_assert_cmpint (a->format, ==, b->format);
  assert_same_string ("specVersion", a->spec_version, b->spec_version);
  assert_same_string ("serial", a->serial, b->serial);
  assert_same_string ("name", a->name, b->name);
  assert_same_string ("timestamp", a->timestamp, b->timestamp);
  assert_same_string ("creator", a->creator, b->creator);
  assert_same_string ("tools", a->tools, b->tools);
  assert_same_string ("subject ref", a->subject_ref, b->subject_ref);
  assert_same_string ("subject name", a->subject_name, b->subject_name);
  assert_same_string ("subject version", a->subject_version, b->subject_version);

  g_assert_cmpuint (a->components->len, ==, b->components->len);
  for (guint i = 0; i < a->components->len; i++)
    assert_same_component (i, g_ptr_array_index (a->components, i),
                           g_ptr_array_index (b->components, i));
}

/* "Not valid JSON at line 3, column 7: " without what follows. */
static char *
message_place (const char *message)
{
  const char *colon = strstr (message, ": ");

  return g_strndup (message, colon != NULL ? (gsize) (colon - message) : strlen (message));
}

/* json-glib's own messages cannot be matched word for word; the line and
 * column they name can. Every other message must be the same. */
static void
assert_same_refusal (const GError *a,
                     const GError *b)
{
  if (a->domain != b->domain || a->code != b->code)
    g_error ("json-glib refused with “%s” (%d), the stream with “%s” (%d)",
             a->message, a->code, b->message, b->code);

  if (g_str_has_prefix (a->message, "Not valid JSON at line ") &&
      g_str_has_prefix (b->message, "Not valid JSON at line "))
    {
      g_autofree char *place_a = message_place (a->message);
      g_autofree char *place_b = message_place (b->message);

      if (strcmp (place_a, place_b) != 0)
        g_error ("json-glib refused with “%s”, the stream with “%s”", a->message, b->message);
      return;
    }

  if (strcmp (a->message, b->message) != 0)
    g_error ("json-glib refused with “%s”, the stream with “%s”", a->message, b->message);
}

/* Both ways, the first through json-glib's tree (_cf_sbom_parse_with_tree). The second
 * gets what cf_sbom_parse() would hand read_json(): the bytes after a byte
 * order mark, when they start with '{'. */
static Outcome
compare (const char         *data,
         gsize               size,
         const CfSbomLimits *limits)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) old_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSbom) old = _cf_sbom_parse_with_tree (bytes, limits, &old_error);
  g_autoptr(CfSbom) sbom = NULL;
  CfSbomLimits defaults;
  gsize bom = 0, start;

  if (limits == NULL)
    {
      cf_sbom_limits_init_default (&defaults);
      limits = &defaults;
    }

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    bom = 3;
  for (start = bom; start < size && g_ascii_isspace (data[start]); start++)
    ;
  if (size > limits->max_size || start == size || data[start] != '{')
    return NOT_JSON;

  sbom = _cf_sbom_cyclonedx_read_json_stream (data + bom, size - bom, limits, &error);
  g_assert_true (sbom == NULL || error == NULL);

  /* Left to json-glib, it reads the same by definition: only when it is
   * not CycloneDX. */
  if (sbom == NULL && error == NULL)
    {
      g_assert_false (old != NULL && old->format == CF_SBOM_FORMAT_CYCLONEDX_JSON);
      return DECLINED;
    }

  if (old != NULL && sbom != NULL)
    {
      assert_same_sbom (old, sbom);
      return SAME_SBOM;
    }

  if (old != NULL)
    g_error ("json-glib read it, the stream refused it: %s", error->message);
  if (sbom != NULL)
    g_error ("json-glib refused it (%s), the stream read it", old_error->message);

  assert_same_refusal (old_error, error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  return SAME_REFUSAL;
}

/* Both ways with the default limits and tight ones. */
static Outcome
compare_limits (const char *data,
                gsize       size)
{
  CfSbomLimits tight;
  Outcome outcome = compare (data, size, NULL);

  cf_sbom_limits_init_default (&tight);
  tight.max_depth = 6;
  tight.max_string = 64;
  tight.max_components = 4;
  compare (data, size, &tight);

  return outcome;
}

static Outcome
compare_text (const char *text)
{
  return compare_limits (text, strlen (text));
}

static void
assert_text_same_sbom (const char *text)
{
  Outcome outcome = compare_text (text);

  if (outcome != SAME_SBOM)
    g_error ("not read alike (%d): %s", outcome, text);
}

static void
assert_text_same_refusal (const char *text)
{
  Outcome outcome = compare_text (text);

  if (outcome != SAME_REFUSAL)
    g_error ("not refused alike (%d): %s", outcome, text);
}

static CfSbom *
stream_text (const char          *text,
             const CfSbomLimits  *limits,
             GError             **error)
{
  return _cf_sbom_cyclonedx_read_json_stream (text, strlen (text), limits, error);
}

static GBytes *
load_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* Every file of a folder in the source tree (its name ending in @suffix
 * when given), read both ways. */
static guint
compare_folder (const char *folder,
                const char *suffix,
                guint      *sboms)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, folder, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  const char *name;
  guint files = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autoptr(GBytes) bytes = NULL;
      gsize size;
      const char *data;

      if (suffix != NULL && !g_str_has_suffix (name, suffix))
        continue;
      bytes = load_file (file);
      data = g_bytes_get_data (bytes, &size);
      g_test_message ("%s", name);
      if (compare_limits (data, size) == SAME_SBOM && sboms != NULL)
        (*sboms)++;
      files++;
    }

  return files;
}

static void
test_data_files (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sbom", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint cyclonedx = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autoptr(GBytes) bytes = NULL;
      gsize size;
      const char *data;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      bytes = load_file (file);
      data = g_bytes_get_data (bytes, &size);

      /* The CycloneDX ones are read by the stream, not left to json-glib. */
      if (strstr (name, "cyclonedx") != NULL)
        {
          g_assert_cmpint (compare_limits (data, size), ==, SAME_SBOM);
          cyclonedx++;
        }
      else
        compare_limits (data, size);
    }

  g_assert_cmpuint (cyclonedx, >=, 4);
}

static void
test_fuzz_corpus (void)
{
  guint sboms = 0;
  /* The JSON corpora: CycloneDX, and SPDX (which the stream reader declines). */
  guint files = compare_folder ("fuzz/corpus/sbom-json", NULL, &sboms) +
                compare_folder ("fuzz/corpus/spdx", NULL, NULL);

  g_assert_cmpuint (files, >, 20);
  g_assert_cmpuint (sboms, >, 0);
  compare_folder ("data/sbom-stream", ".json", NULL);
}

/* Every 97th length of a real file: both refuse, alike. */
static void
test_truncated (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sbom",
                                                 "cyclonedx-laravel-7.12.0_bom.1.4.json", NULL);
  g_autoptr(GBytes) bytes = load_file (path);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  for (gsize length = 1; length < size; length += 97)
    {
      Outcome outcome = compare (data, length, NULL);

      if (outcome != SAME_REFUSAL)
        g_error ("%zu bytes: not refused alike (%d)", length, outcome);
    }
}

/* Refused both ways, with @message in what json-glib's way says. */
static void
assert_refused_with (const char *text,
                     const char *message)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSbom) sbom = NULL;

  assert_text_same_refusal (text);
  sbom = cf_sbom_parse (bytes, NULL, &error);
  g_assert_null (sbom);
  if (strstr (error->message, message) == NULL)
    g_error ("refused with “%s”, not “%s”", error->message, message);
}

#define CDX "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", "

static void
test_escapes (void)
{
  assert_text_same_sbom (CDX "\"components\": [{\"name\": \"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\","
                         " \"version\": \"\\u00e9\\u20AC\\u0041\", \"purl\": \"  pkg:x/y \\t\","
                         " \"bom-ref\": \"\\ud83d\\ude00\", \"cpe\": \"\\t\\n \"}]}");
  /* Member names with escapes are the same names. */
  assert_text_same_sbom (CDX "\"comp\\u006fnents\": [{\"n\\u0061me\": \"a\", \"v\\u0065rsion\": \"1\"}],"
                         " \"m\\u0065tadata\": {\"timest\\u0061mp\": \"now\"}}");
  /* \u0000 would end the string as a C string ends, dropping the rest
   * unseen: refused, in names and values alike. */
  assert_refused_with (CDX "\"components\": [{\"name\": \"ab\\u0000cd\"}]}",
                       "line 1, column 77: an escaped NUL character (\\u0000) in a string");
  assert_refused_with (CDX "\"components\": [{\"version\\u0000x\": \"2\"}]}",
                       "an escaped NUL character (\\u0000) in a string");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"\\u0000abc\"}]}");
  /* \u0001 and the like are characters, kept. */
  assert_text_same_sbom (CDX "\"components\": [{\"name\": \"a\\u0001b\", \"version\": \"1\"}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \" \\t\\r\\n\"}]}");
  /* Escapes JSON does not have. */
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"\\x41\"}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"\\u12G4\"}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"\\");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"\\u12");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"\\'\"}]}");
}

static void
test_surrogates (void)
{
  /* Pairs, in either case. */
  assert_text_same_sbom (CDX "\"components\": [{\"name\": \"\\uD83D\\uDE00 \\udbff\\udfff\"}]}");
  /* A lone half, which json-glib would keep as bytes that are not UTF-8
   * while dropping what follows it, or reading on past the closing quote:
   * refused, both ways alike, naming the escape. */
  assert_refused_with (CDX "\"components\": [{\"name\": \"a\\ud83dxb\"}]}",
                       "line 1, column 76: a surrogate escape");
  assert_refused_with (CDX "\"components\": [{\"name\": \"a\", \"version\": \"\\udc00 \\u00e9\"}]}",
                       "line 1, column 91: a surrogate escape");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"\\ud800\\n\\\\\"}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"\\ud800\\\"x\"}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"\\ud800\xc3\xa9z\"}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"a\\ud83d\"}]}");
  assert_text_same_refusal (CDX "\"x\\ud83d\": 1, \"components\": []}");
  assert_text_same_refusal (CDX "\"x\": \"\\ud800\"  ,\"  }");
  /* Halves that do not pair. */
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"\\ud83d\\u0041\"}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"a\", \"cpe\": \"\\ud800\\u00e9\"}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"a\", \"x\": [\"\\udc00\\ue000\"]}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"a\", \"\\ud800\\u0041\": 1}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"\\udc00\\udc00\"}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"\\ud800\\ud800\\udc00\"}]}");
  /* A pair cut off by the end of the data. */
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"\\ud800\\udc");
}

static void
test_numbers (void)
{
  /* json-glib's scanner takes more than JSON's numbers; unknown members
   * are skipped either way, and a wrong type is lenient. */
  const char *good[] = {
    "0", "-0", "- 1", "-\n1", "1.5", "1e5", "1E+5", "1e-5", ".5", "-.5", "1.", "0.e5", ".e5",
    "01", "007", "09.5", "0x1F", "0XfF", "0x0x5", "0b101", "99999999999999999999999", "1e400",
    "-0x5", "00.5", "0e5",
  };
  const char *bad[] = {
    "1e", "1e+", "1.5.5", "1a", "08", "0x", "0xg", "0b", "0b2", "0o7", "--1", "-", "- x", "+1",
    "1_0", "1..", "1e5e5", ".", "-.", "0b1.0", "0b1e1", "1f", ".x", "0x1.5", "1-2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *text = g_strdup_printf (CDX "\"n\": %s, \"components\": [{\"name\": \"a\","
                                               " \"version\": %s, \"x\": [%s, {\"y\": %s}]}]}",
                                               good[i], good[i], good[i], good[i]);

      assert_text_same_sbom (text);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf (CDX "\"components\": [{\"name\": \"a\","
                                               " \"x\": [1, %s]}]}", bad[i]);

      assert_text_same_refusal (text);
    }

  assert_text_same_sbom (CDX "\"specVersion\": \"1.4\", \"x\": [true, false, null, {}, []]}");
  assert_text_same_refusal (CDX "\"x\": tru}");
  assert_text_same_refusal (CDX "\"x\": truex}");
  assert_text_same_refusal (CDX "\"x\": true5}");
  assert_text_same_refusal (CDX "\"x\": True}");
  assert_text_same_refusal (CDX "\"x\": nul}");
  assert_text_same_refusal (CDX "\"x\": [true.5]}");
}

static void
test_unknown_members (void)
{
  assert_text_same_sbom (CDX "\"a\": {\"b\": [[], [{}], {\"c\": [1, \"x\", null, [true, {\"d\": {}}]]}]},"
                         " \"components\": [{\"name\": \"a\", \"properties\": [{\"name\": \"p\","
                         " \"value\": [{\"x\": [[[1]]]}]}], \"evidence\": {\"licenses\": 3}},"
                         " {\"name\": \"b\", \"z\": {}}], \"compositions\": [{}], \"x\": \"\"}");
}

static GString *
nested_components (guint depth)
{
  GString *text = g_string_new (CDX "\"components\": [");

  for (guint i = 0; i < depth; i++)
    g_string_append_printf (text, "{\"name\": \"level-%u\", \"bom-ref\": \"r%u\", \"components\": [", i, i);
  g_string_append (text, "{\"name\": \"leaf\"}");
  for (guint i = 0; i < depth; i++)
    g_string_append_printf (text, "]}, {\"name\": \"after-%u\"}", i);
  g_string_append (text, "], \"dependencies\": [{\"ref\": \"r3\", \"dependsOn\": [\"r4\"]}]}");

  return text;
}

static void
test_nested (void)
{
  g_autoptr(GString) text = nested_components (5);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSbom) sbom = stream_text (text->str, NULL, &error);

  g_assert_no_error (error);
  /* Each parent before its parts. */
  g_assert_cmpuint (sbom->components->len, ==, 11);
  g_assert_cmpstr (((CfSbomComponent *) g_ptr_array_index (sbom->components, 0))->name, ==, "level-0");
  g_assert_cmpstr (((CfSbomComponent *) g_ptr_array_index (sbom->components, 5))->name, ==, "leaf");
  g_assert_cmpstr (((CfSbomComponent *) g_ptr_array_index (sbom->components, 6))->name, ==, "after-0");
  assert_text_same_sbom (text->str);

  /* A refusal deep down names its path; the limits of depth and of
   * components meet in the middle. */
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"a\", \"components\": [{\"name\": \"b\","
                            " \"components\": [{\"name\": \"c\", \"components\": [{\"name\": \"d\","
                            " \"components\": [{\"version\": \"1\"}]}]}]}]}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"a\", \"components\": {}}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"a\", \"components\": [1]}]}");
}

static void
test_dependencies (void)
{
  /* Before the components, after them, twice for one ref, to refs no
   * component has, and the product's own. */
  assert_text_same_sbom (CDX "\"dependencies\": [{\"ref\": \"a\", \"dependsOn\": [\"b\", \" c \", \"b\", \"\"]},"
                         " {\"ref\": \"p\", \"dependsOn\": [\"a\"]}, {\"ref\": \" a\", \"dependsOn\": [\"d\", \"b\"]},"
                         " {\"ref\": \"b\"}, {\"ref\": \"zz\", \"dependsOn\": [\"a\"]}, {\"ref\": \"c\", \"dependsOn\": null}],"
                         " \"metadata\": {\"component\": {\"bom-ref\": \"p\", \"name\": \"P\"}},"
                         " \"components\": [{\"name\": \"A\", \"bom-ref\": \"a\"}, {\"name\": \"B\", \"bom-ref\": \"b\"},"
                         " {\"name\": \"A2\", \"bom-ref\": \"a\"}, {\"name\": \"C\", \"bom-ref\": \"c\"},"
                         " {\"name\": \"D\", \"bom-ref\": \"d\"}]}");

  /* Many edges from one component: no duplicates, in order. */
  {
    g_autoptr(GString) text = g_string_new (CDX "\"components\": [{\"name\": \"A\", \"bom-ref\": \"a\"}],"
                                            " \"dependencies\": [{\"ref\": \"a\", \"dependsOn\": [");

    for (guint i = 0; i < 200; i++)
      g_string_append_printf (text, "%s\"t%u\"", i > 0 ? ", " : "", (i * 7) % 50);
    g_string_append (text, "]}, {\"ref\": \"a\", \"dependsOn\": [\"t1\", \"new\"]}]}");
    assert_text_same_sbom (text->str);
  }

  assert_text_same_refusal (CDX "\"dependencies\": [{\"dependsOn\": []}]}");
  assert_text_same_refusal (CDX "\"dependencies\": [{\"ref\": 5}]}");
  assert_text_same_refusal (CDX "\"dependencies\": [{\"ref\": \" \"}]}");
  assert_text_same_refusal (CDX "\"dependencies\": [{\"ref\": null}]}");
  assert_text_same_refusal (CDX "\"dependencies\": [{\"ref\": \"a\", \"dependsOn\": [\"b\", 3]}]}");
  assert_text_same_refusal (CDX "\"dependencies\": [{\"ref\": \"a\", \"dependsOn\": \"b\"}]}");
  assert_text_same_refusal (CDX "\"dependencies\": [{\"dependsOn\": \"b\"}]}");
  assert_text_same_refusal (CDX "\"dependencies\": [1]}");
  assert_text_same_refusal (CDX "\"dependencies\": {}}");
  assert_text_same_sbom (CDX "\"dependencies\": null}");
  /* The components are refused before the dependencies, wherever they are. */
  assert_text_same_refusal (CDX "\"dependencies\": [1], \"components\": [{}]}");
}

static void
test_duplicate_members (void)
{
  /* json-glib keeps the last of a repeated member. */
  assert_text_same_sbom (CDX "\"components\": [{\"name\": \"a\"}], \"components\": [{\"name\": \"b\"}],"
                         " \"specVersion\": \"1.4\", \"serialNumber\": \"x\", \"serialNumber\": 3}");
  assert_text_same_sbom (CDX "\"components\": [{\"name\": 1, \"name\": \"a\", \"version\": \"1\", \"version\": null,"
                         " \"hashes\": [1], \"hashes\": [{\"alg\": \"sha1\", \"content\": \"AB\", \"alg\": \"MD5\"}],"
                         " \"licenses\": \"x\", \"licenses\": [{\"license\": {\"id\": \"MIT\", \"id\": \" \","
                         " \"name\": \"N\"}, \"license\": {\"name\": \"M\"}}, {\"license\": 3, \"expression\": \"E\"}],"
                         " \"components\": [{}], \"components\": [{\"name\": \"c\"}],"
                         " \"externalReferences\": [{\"type\": \"distribution\", \"url\": \"u1\"}],"
                         " \"externalReferences\": [{\"type\": \"distribution\", \"url\": \"u2\", \"type\": \"vcs\"},"
                         " {\"url\": \"u3\", \"type\": \"distribution\", \"url\": \" \"},"
                         " {\"url\": \"u4\", \"type\": \"distribution\"}],"
                         " \"supplier\": {\"name\": \"s\"}, \"supplier\": {\"url\": \"x\"}}],"
                         " \"metadata\": {\"timestamp\": \"t1\"}, \"metadata\": {\"tools\": [{\"name\": \"t\"}],"
                         " \"tools\": {\"services\": [{\"name\": \"s\", \"version\": \"2\"}],"
                         " \"components\": [{\"name\": \"c\"}], \"components\": [{\"name\": \"d\"}]}}}");
  assert_text_same_sbom (CDX "\"bomFormat\": \"x\", \"bomFormat\": \"CycloneDX\"}");
  assert_text_same_refusal (CDX "\"bomFormat\": \"x\"}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"a\"}], \"components\": 3}");
  assert_text_same_sbom (CDX "\"components\": 3, \"components\": [{\"name\": \"a\"}]}");
  assert_text_same_sbom (CDX "\"dependencies\": [1], \"dependencies\": []}");
}

static void
test_fields (void)
{
  assert_text_same_sbom (CDX "\"serialNumber\": \" urn:uuid:1 \", \"metadata\": {\"timestamp\": \"2024\","
                         " \"authors\": [{\"name\": \"Jane\", \"email\": \"j@x\"}, {\"email\": \"e@x\"}, 3, {},"
                         " {\"name\": \"Jane\", \"email\": \"j@x\"}], \"manufacture\": {\"name\": \"M1\"},"
                         " \"manufacturer\": {\"name\": \"M2\"}, \"supplier\": {\"name\": \"S\"},"
                         " \"tools\": [{\"vendor\": \"v\", \"name\": \"t\", \"version\": \"1\"}, {\"version\": \"2\"}, 5],"
                         " \"component\": {\"bom-ref\": \"p\", \"name\": \" P \", \"version\": \"9\","
                         " \"components\": [{\"name\": \"part\"}]}},"
                         " \"components\": [{\"name\": \"a\", \"type\": \"library\", \"author\": \"Au\","
                         " \"authors\": [{\"name\": \"B\"}, {\"name\": \"Au\"}, 1], \"manufacturer\": {\"name\": \"Mf\"},"
                         " \"purl\": \"pkg:a\", \"cpe\": \"cpe:a\", \"licenses\": [{\"license\": {\"id\": \"MIT\"}},"
                         " {\"expression\": \"A OR B\"}, {\"license\": {\"name\": \"Custom\"}}, {\"license\": {\"id\": \"MIT\"}}],"
                         " \"hashes\": [{\"alg\": \"SHA-256\", \"content\": \"ABC\"}, {\"alg\": \"sha3_512\", \"content\": \"d\"},"
                         " {\"alg\": \"weird\", \"content\": \" e \"}, {\"alg\": 1, \"content\": \"f\"}, {\"alg\": \"MD5\"}]},"
                         " {\"name\": \"b\", \"manufacturer\": {\"name\": \"Mf\"}, \"authors\": [{\"name\": \" \"}]},"
                         " {\"name\": \"c\", \"author\": 3, \"licenses\": null, \"hashes\": null}]}");
  assert_text_same_sbom (CDX "\"metadata\": {\"component\": 3, \"tools\": 3, \"authors\": {}}}");
  assert_text_same_sbom (CDX "\"metadata\": [1]}");
  assert_text_same_refusal (CDX "\"metadata\": {\"component\": {\"components\": [{}]}}}");
  assert_text_same_refusal (CDX "\"metadata\": {\"component\": {\"components\": 1}}}");
  assert_text_same_sbom (CDX "\"metadata\": {\"component\": [], \"x\": {\"components\": 1}}}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"a\", \"licenses\": [{}, 1]}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"a\", \"licenses\": 1, \"hashes\": [1]}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"hashes\": [1], \"name\": 4}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"a\", \"hashes\": {}}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"a\"}, 1, {}]}");

  /* The document's own fields. */
  assert_text_same_refusal ("{\"bomFormat\": \"CycloneDX\"}");
  assert_text_same_refusal ("{\"bomFormat\": \"CycloneDX\", \"specVersion\": 1.5}");
  assert_text_same_refusal ("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \" \"}");
  assert_text_same_refusal ("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.7\"}");
  assert_text_same_refusal ("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \" 1.5\"}");
  assert_text_same_refusal ("{\"bomFormat\": \"CycloneDX\", \"specVersion\": null, \"components\": 1}");
  assert_text_same_refusal ("{\"bomFormat\": 1, \"specVersion\": \"1.5\"}");
  assert_text_same_refusal ("{\"bomFormat\": null}");
  assert_text_same_refusal ("{\"bomFormat\": \"cyclonedx\", \"specVersion\": \"1.5\"}");
  assert_text_same_sbom ("{\"specVersion\": \"1.2\", \"bomFormat\": \"CycloneDX\"}");
}

static void
test_limits (void)
{
  const char *text = CDX "\"metadata\": {\"component\": {\"name\": \"p\", \"components\": ["
                     "{\"name\": \"s1\"}, {\"name\": \"s2\", \"components\": [{\"name\": \"s3\"}]}]}},"
                     " \"components\": [{\"name\": \"r1\"}, {\"name\": \"r2\", \"components\": [{\"name\": \"r3\"},"
                     " {\"name\": \"r4\"}]}, {\"version\": \"refused\"}, {\"name\": \"r5\"}]}";
  const char *parts_later = CDX "\"components\": [{\"name\": \"r1\"}, {\"name\": \"r2\"}, {\"name\": \"r3\"}],"
                            " \"metadata\": {\"component\": {\"name\": \"p\", \"components\": ["
                            "{\"name\": \"s1\"}, {\"name\": \"s2\"}, {}]}}}";

  for (guint max = 0; max < 12; max++)
    {
      CfSbomLimits limits;

      cf_sbom_limits_init_default (&limits);
      limits.max_components = max;
      g_assert_cmpint (compare (text, strlen (text), &limits), ==, SAME_REFUSAL);
      g_assert_cmpint (compare (parts_later, strlen (parts_later), &limits), ==, SAME_REFUSAL);

      limits.max_depth = max;
      compare (text, strlen (text), &limits);
      limits.max_string = max;
      compare (text, strlen (text), &limits);
    }
}

static void
test_deep (void)
{
  g_autoptr(GString) text = g_string_new (CDX "\"x\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSbom) sbom = NULL;
  CfSbomLimits limits;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');

  /* Refused by the stream itself, from its depth, with no recursion. */
  sbom = stream_text (text->str, NULL, &error);
  g_assert_null (sbom);
  g_assert_error (error, CF_ERROR, CF_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "more than 64 deep"));
  g_clear_error (&error);
  assert_text_same_refusal (text->str);

  /* And closed: still too deep. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  assert_text_same_refusal (text->str);

  /* A limit far above: the reader's own stack grows, and never recurses. */
  cf_sbom_limits_init_default (&limits);
  limits.max_depth = 200000;
  g_clear_pointer (&sbom, cf_sbom_free);
  sbom = stream_text (text->str, &limits, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sbom);
}

static void
test_long_string (void)
{
  CfSbomLimits limits;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSbom) sbom = NULL;
  const char *text = CDX "\n \"components\": [{\"name\": \"abcdefghijklmnopqrstuvwxyz\"}]}";

  cf_sbom_limits_init_default (&limits);
  limits.max_string = 16;
  sbom = stream_text (text, &limits, &error);
  g_assert_null (sbom);
  g_assert_error (error, CF_ERROR, CF_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "line 2, column 26"));

  /* Around the limit, escapes counted as written. */
  for (gsize max = 20; max < 40; max++)
    {
      limits.max_string = max;
      g_assert_cmpint (compare (text, strlen (text), &limits), !=, NOT_JSON);
      compare (CDX "\"components\": [{\"name\": \"abc\\u00e9\\u00e9\\u00e9\\n\\n\\n\\nxyz\xc3\xa9\"}]}",
               strlen (CDX "\"components\": [{\"name\": \"abc\\u00e9\\u00e9\\u00e9\\n\\n\\n\\nxyz\xc3\xa9\"}]}"),
               &limits);
      compare (CDX "\"x\": \"0123456789012345678901234567890123456789",
               strlen (CDX "\"x\": \"0123456789012345678901234567890123456789"), &limits);
    }
}

static void
test_bad_bytes (void)
{
  static const char with_nul[] = CDX "\"components\": [{\"name\": \"a\0b\"}]}";
  static const char nul_outside[] = CDX "\"components\": [{\"name\": \"ab\"}]}\0";
  static const char nul_late[] = CDX "\"components\": [{\"name\": \"ab\"}],\n\"x\": [1,, \0]}";

  /* Not UTF-8, inside strings and out; the whole input is checked first. */
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"a\xff\"}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"a\xc3\"}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"\xed\xa0\x80\"}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"\xf4\x90\x80\x80\"}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"\xc0\xaf\"}]}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"\xe0\x80\xaf\"}]}");
  assert_text_same_refusal (CDX "\"components\": [1,,], \"x\": \"\xff\"}");
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"a\"}]} \xc3\xa9");
  assert_text_same_sbom (CDX "\"components\": [{\"name\": \"\xf4\x8f\xbf\xbf\xef\xbf\xbf\"}]}");

  /* NUL bytes. */
  g_assert_cmpint (compare_limits (with_nul, sizeof with_nul - 1), ==, SAME_REFUSAL);
  g_assert_cmpint (compare_limits (nul_outside, sizeof nul_outside - 1), ==, SAME_REFUSAL);
  g_assert_cmpint (compare_limits (nul_late, sizeof nul_late - 1), ==, SAME_REFUSAL);

  /* Control characters, and what only json-glib would take. */
  assert_text_same_refusal (CDX "\"components\": [{\"name\": \"a\tb\"}]}");
  assert_text_same_refusal (CDX "\"components\": [{'name': 'a'}]}");
  assert_text_same_refusal (CDX "\"components\": [/* x */]}");
  assert_text_same_refusal (CDX "\"components\": [] # x\n}");
  assert_text_same_refusal (CDX "\"components\": [\f]}");
}

static void
test_after_the_root (void)
{
  /* json-glib would read arrays and objects after the root, keep the
   * first and drop the others unseen: one value at the top level only. */
  assert_refused_with (CDX "\"components\": [{\"name\": \"a\"}]} {\"components\": 1}\n[1, [2]] {}\n",
                       "line 1, column 81: more after the end of the data");
  assert_refused_with (CDX "\"components\": []}\n\n  []", "line 3, column 3: more after the end of the data");
  assert_text_same_sbom (CDX "\"components\": []} \n\t\r\n ");
  assert_text_same_refusal (CDX "\"components\": []} {\"x\": }");
  assert_text_same_refusal (CDX "\"components\": []} x");
  assert_text_same_refusal (CDX "\"components\": []} 1");
  assert_text_same_refusal (CDX "\"components\": []} \"x\"");
  assert_text_same_refusal (CDX "\"components\": []} true");
  assert_text_same_refusal (CDX "\"components\": []},");
  assert_text_same_refusal (CDX "\"components\": []}]");
  assert_text_same_refusal (CDX "\"components\": []}}");
  assert_text_same_refusal (CDX "\"components\": []} var x");
  assert_text_same_refusal (CDX "\"components\": []} {");
  /* Too deep after the root is too deep too. */
  {
    g_autoptr(GString) text = g_string_new (CDX "\"components\": []} ");

    for (guint i = 0; i < 70; i++)
      g_string_append_c (text, '[');
    for (guint i = 0; i < 70; i++)
      g_string_append_c (text, ']');
    assert_text_same_refusal (text->str);
  }
}

static void
test_not_cyclonedx (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSbom) sbom = NULL;

  /* Empty, or not an object: JSON, but not an SBOM. */
  sbom = _cf_sbom_cyclonedx_read_json_stream ("", 0, NULL, &error);
  g_assert_null (sbom);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  sbom = stream_text (" \n\t ", NULL, &error);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  sbom = stream_text ("[1, 2]", NULL, &error);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "not a CycloneDX or SPDX"));
  g_clear_error (&error);
  sbom = stream_text ("[1, 2", NULL, &error);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Not valid JSON"));
  g_clear_error (&error);

  /* No bomFormat: left to json-glib's readers, which tell SPDX. */
  g_assert_cmpint (compare_text ("{\"spdxVersion\": \"SPDX-2.3\", \"components\": 3}"), ==, DECLINED);
  g_assert_cmpint (compare_text ("{\"hello\": \"world\"}"), ==, DECLINED);
  /* But a JSON problem is told either way. */
  assert_text_same_refusal ("{\"spdxVersion\": \"SPDX-2.3\", \"packages\": [1,]}");
  assert_text_same_refusal ("{\"hello\": \"world\"");
  assert_text_same_refusal ("{}}");
  assert_text_same_refusal ("{\"bomFormat\": \"SWID\"}");
}

static void
test_malformed (void)
{
  /* The cases test-sbom.c has, and more: the stream names the same line. */
  const char *cases[] = {
    CDX "\n \"components\": [ { \"name\": \"a\",, } ] }",
    "\n\n{\"bomFormat\": \"CycloneDX\", \"a\": [1,,2]}",
    CDX "\"components\": [{\"name\": \"a\"}",
    CDX "\"components\": [{\"name\": \"a\"},]}",
    CDX "\"components\": [{\"name\": \"a\",}]}",
    CDX "\"components\": [{\"name\" \"a\"}]}",
    CDX "\"components\": [{\"name\": \"a\" \"version\": \"1\"}]}",
    CDX "\"components\": [{\"name\": \"a\"} {\"name\": \"b\"}]}",
    CDX "\"components\": [{name: \"a\"}]}",
    CDX "\"components\": [{\"name\": \"a\"]}",
    CDX "\"components\": [{\"name\": }]}",
    CDX "\"components\": [{,}]}",
    CDX "\"components\": [,]}",
    CDX "\"components\": [{\"name\": \"a\"}]]",
    CDX "\"components\": \n\n[\n{\"name\": \"a\n\"}]}",
    CDX "\"a\": \"open",
    CDX "\"a\": [1, 2\n",
    CDX "\"a\": -\n\n x}",
    CDX "\"a\": .\n}",
    CDX "\"a\": [.\"long string after a dot\"]}",
    CDX "\"a\": [0x\"long string after 0x\"]}",
    "{'bomFormat': 'CycloneDX'}",
    "{\n/* \" */ \"a\": 1}",
    "{\"a\": \"\\x41\"}",
    "{\"bomFormat\": \"CycloneDX\", \"a\":\n \"\xff\"}",
    "{\"bomFormat\": \"CycloneDX\" :}",
    "{\"bomFormat\": \"CycloneDX\", }",
    "{\"bomFormat\": \"CycloneDX\", \"a\" : [}",
    "{\"bomFormat\": \"CycloneDX\", \"a\" : {]}",
    "{\"bomFormat\": \"CycloneDX\", \"a\" : \"\\u00\"}",
    "{\"bomFormat\": \"CycloneDX\", \"a\" : @}",
    "{\"bomFormat\": \"CycloneDX\", \"a\" : _x}",
    /* json-glib counts a column past the end after these. */
    "{\"bomFormat\": \"CycloneDX\", \"a\" : 0x",
    "{\"bomFormat\": \"CycloneDX\", \"a\" : 0B",
    "{\"bomFormat\": \"CycloneDX\", \"a\" : [0x",
    "{\"bomFormat\": \"CycloneDX\", \"a\" : .",
    "{\"bomFormat\": \"CycloneDX\", \"a\" : -",
    "{\"bomFormat\": \"CycloneDX\", \"a\" : 1e",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Outcome outcome = compare_text (cases[i]);

      if (outcome != SAME_REFUSAL)
        g_error ("not refused alike (%d): %s", outcome, cases[i]);
    }
}

/* Small documents, changed at random: whatever comes out, it comes out
 * alike. The seed is fixed, so a failure comes again. */
static void
test_mutations (void)
{
  static const char * const seeds[] = {
    CDX "\"serialNumber\": \"urn:x\", \"metadata\": {\"timestamp\": \"t\", \"tools\": {\"components\": "
    "[{\"name\": \"syft\", \"version\": \"1\"}]}, \"authors\": [{\"name\": \"A\"}], \"component\": "
    "{\"bom-ref\": \"p\", \"name\": \"P\", \"components\": [{\"name\": \"s\", \"bom-ref\": \"s\"}]}}, "
    "\"components\": [{\"bom-ref\": \"a\", \"type\": \"library\", \"name\": \"a\", \"version\": \"1\", "
    "\"hashes\": [{\"alg\": \"SHA-256\", \"content\": \"AB\"}], \"licenses\": [{\"license\": {\"id\": "
    "\"MIT\"}}, {\"expression\": \"A OR B\"}], \"externalReferences\": [{\"type\": \"distribution\", "
    "\"url\": \"u\"}], \"components\": [{\"name\": \"n\", \"bom-ref\": \"n\"}]}], \"dependencies\": "
    "[{\"ref\": \"a\", \"dependsOn\": [\"n\", \"s\"]}, {\"ref\": \"n\"}]}",
    CDX "\"components\": [{\"name\": \"\\u00e9\\ud83d\\ude00\\n\", \"x\": [1.5e3, -2, true, null, "
    "{\"y\": [\"z\"]}], \"author\": \"q\", \"authors\": [{\"name\": \"r\"}]}]}",
  };
  static const char * const pieces[] = {
    "\"", "\\", "\\u", "\\ud83d", "\\udc00", "{", "}", "[", "]", ",", ":", " ", "\n", "\t", "-", ".",
    "0", "1", "e", "x", "true", "null", "\"name\"", "\"components\"", "\"bom-ref\"", "\xc3", "\xa9",
    "\xff", "\xed\xa0\x80", "/", "'", "\\u0000", "\"dependencies\": [{\"ref\": \"a\"}]",
  };
  GRand *rand = g_rand_new_with_seed (20260517);
  guint outcomes[4] = { 0, 0, 0, 0 };

  for (guint round = 0; round < 4000; round++)
    {
      const char *seed = seeds[round % G_N_ELEMENTS (seeds)];
      g_autoptr(GString) text = g_string_new (seed);
      guint changes = (guint) g_rand_int_range (rand, 1, 4);

      for (guint i = 0; i < changes; i++)
        {
          gsize at = (gsize) g_rand_int_range (rand, 0, (gint32) text->len + 1);
          const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];
          gsize length = (gsize) g_rand_int_range (rand, 1, 8);

          length = MIN (length, text->len - at);
          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0:
              g_string_insert (text, (gssize) at, piece);
              break;
            case 1:
              g_string_erase (text, (gssize) at, (gssize) length);
              break;
            default:
              g_string_erase (text, (gssize) at, (gssize) MIN (length, 1));
              g_string_insert (text, (gssize) at, piece);
              break;
            }
        }

      outcomes[compare_limits (text->str, text->len)]++;
    }

  g_test_message ("same SBOM %u, same refusal %u, declined %u, not JSON %u",
                  outcomes[SAME_SBOM], outcomes[SAME_REFUSAL], outcomes[DECLINED], outcomes[NOT_JSON]);
  g_assert_cmpuint (outcomes[SAME_SBOM], >, 100);
  g_assert_cmpuint (outcomes[SAME_REFUSAL], >, 100);
  g_rand_free (rand);
}

/* Many components, as the benchmark's generator writes them: the same. */
static void
test_large (void)
{
  g_autoptr(GString) text = g_string_new (CDX "\"metadata\": {\"component\": {\"bom-ref\": \"root\", "
                                          "\"name\": \"product\"}},\n \"components\": [\n");

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text,
                            "  {\"bom-ref\": \"pkg:npm/p-%u@1.%u\", \"type\": \"library\", \"name\": \"p-%u\","
                            " \"version\": \"1.%u\", \"purl\": \"pkg:npm/p-%u@1.%u\","
                            " \"licenses\": [{\"license\": {\"id\": \"MIT\"}}, {\"expression\": \"A OR B\"}],"
                            " \"hashes\": [{\"alg\": \"SHA-256\", \"content\": \"%064X\"}],"
                            " \"externalReferences\": [{\"type\": \"website\", \"url\": \"w\"},"
                            " {\"type\": \"distribution\", \"url\": \"https://x/p-%u.tgz\"}],"
                            " \"properties\": [{\"name\": \"syft:x\", \"value\": \"%u\"}]}%s\n",
                            i, i, i, i, i, i, i, i, i, i + 1 < 2000 ? "," : "");
  g_string_append (text, " ],\n \"dependencies\": [\n  {\"ref\": \"root\", \"dependsOn\": [\"pkg:npm/p-0@1.0\"]}");
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, ",\n  {\"ref\": \"pkg:npm/p-%u@1.%u\", \"dependsOn\": [\"pkg:npm/p-%u@1.%u\"]}",
                            i, i, (i * 13 + 1) % 2000, (i * 13 + 1) % 2000);
  g_string_append (text, "\n ]\n}\n");

  g_assert_cmpint (compare (text->str, text->len, NULL), ==, SAME_SBOM);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sbom-stream/data-files", test_data_files);
  g_test_add_func ("/sbom-stream/fuzz-corpus", test_fuzz_corpus);
  g_test_add_func ("/sbom-stream/truncated", test_truncated);
  g_test_add_func ("/sbom-stream/escapes", test_escapes);
  g_test_add_func ("/sbom-stream/surrogates", test_surrogates);
  g_test_add_func ("/sbom-stream/numbers", test_numbers);
  g_test_add_func ("/sbom-stream/unknown-members", test_unknown_members);
  g_test_add_func ("/sbom-stream/nested", test_nested);
  g_test_add_func ("/sbom-stream/dependencies", test_dependencies);
  g_test_add_func ("/sbom-stream/duplicate-members", test_duplicate_members);
  g_test_add_func ("/sbom-stream/fields", test_fields);
  g_test_add_func ("/sbom-stream/limits", test_limits);
  g_test_add_func ("/sbom-stream/deep", test_deep);
  g_test_add_func ("/sbom-stream/long-string", test_long_string);
  g_test_add_func ("/sbom-stream/bad-bytes", test_bad_bytes);
  g_test_add_func ("/sbom-stream/after-the-root", test_after_the_root);
  g_test_add_func ("/sbom-stream/not-cyclonedx", test_not_cyclonedx);
  g_test_add_func ("/sbom-stream/malformed", test_malformed);
  g_test_add_func ("/sbom-stream/mutations", test_mutations);
  g_test_add_func ("/sbom-stream/large", test_large);

  return g_test_run ();
}
