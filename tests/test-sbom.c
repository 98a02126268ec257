/* test-sbom.c — reading CycloneDX and SPDX, and refusing what is not safe
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-error.h"
#include "cf-sbom.h"

static GBytes *
load_bytes (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sbom", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static CfSbom *
parse_data_file (const char *name)
{
  g_autoptr(GBytes) bytes = load_bytes (name);
  g_autoptr(GError) error = NULL;
  CfSbom *sbom = cf_sbom_parse (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sbom);

  return sbom;
}

/* Refused with @code, and the message contains @part. */
static void
assert_refused (GBytes             *bytes,
                const CfSbomLimits *limits,
                gint                code,
                const char         *part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSbom) sbom = cf_sbom_parse (bytes, limits, &error);

  g_assert_null (sbom);
  g_assert_error (error, CF_ERROR, code);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” is not in the message “%s”", part, error->message);
}

static void
assert_text_refused (const char         *text,
                     const CfSbomLimits *limits,
                     gint                code,
                     const char         *part)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  assert_refused (bytes, limits, code, part);
}

static const CfSbomComponent *
find_component (const CfSbom *sbom,
                const char   *name)
{
  for (guint i = 0; i < sbom->components->len; i++)
    {
      const CfSbomComponent *component = g_ptr_array_index (sbom->components, i);

      if (g_str_equal (component->name, name))
        return component;
    }

  g_error ("no component “%s”", name);
  return NULL;
}

static gboolean
depends_on (const CfSbomComponent *component,
            const char            *ref)
{
  for (guint i = 0; i < component->depends_on->len; i++)
    if (g_str_equal (g_ptr_array_index (component->depends_on, i), ref))
      return TRUE;

  return FALSE;
}

static guint
count_edges (const CfSbom *sbom)
{
  guint edges = 0;

  for (guint i = 0; i < sbom->components->len; i++)
    edges += ((CfSbomComponent *) g_ptr_array_index (sbom->components, i))->depends_on->len;

  return edges;
}

/* Field by field: the JSON and XML encodings of one BOM must read alike. */
static void
assert_same_components (const CfSbom *a,
                        const CfSbom *b)
{
  g_assert_cmpstr (a->subject_ref, ==, b->subject_ref);
  g_assert_cmpstr (a->subject_name, ==, b->subject_name);
  g_assert_cmpstr (a->subject_version, ==, b->subject_version);
  g_assert_cmpstr (a->tools, ==, b->tools);
  g_assert_cmpstr (a->creator, ==, b->creator);
  g_assert_cmpuint (a->components->len, ==, b->components->len);

  for (guint i = 0; i < a->components->len; i++)
    {
      const CfSbomComponent *x = g_ptr_array_index (a->components, i);
      const CfSbomComponent *y = g_ptr_array_index (b->components, i);

      g_assert_cmpstr (x->ref, ==, y->ref);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->version, ==, y->version);
      g_assert_cmpstr (x->type, ==, y->type);
      g_assert_cmpstr (x->supplier, ==, y->supplier);
      g_assert_cmpstr (x->author, ==, y->author);
      g_assert_cmpstr (x->purl, ==, y->purl);
      g_assert_cmpstr (x->cpe, ==, y->cpe);
      g_assert_cmpstr (x->licences, ==, y->licences);
      g_assert_cmpstr (x->filename, ==, y->filename);
      g_assert_cmpstr (x->download, ==, y->download);
      g_assert_cmpint (x->dependencies_known, ==, y->dependencies_known);

      g_assert_cmpuint (x->hashes->len, ==, y->hashes->len);
      for (guint j = 0; j < x->hashes->len; j++)
        {
          const CfSbomHash *hx = g_ptr_array_index (x->hashes, j);
          const CfSbomHash *hy = g_ptr_array_index (y->hashes, j);

          g_assert_cmpstr (hx->algorithm, ==, hy->algorithm);
          g_assert_cmpstr (hx->value, ==, hy->value);
        }

      g_assert_cmpuint (x->depends_on->len, ==, y->depends_on->len);
      for (guint j = 0; j < x->depends_on->len; j++)
        g_assert_cmpstr (g_ptr_array_index (x->depends_on, j), ==,
                         g_ptr_array_index (y->depends_on, j));
    }
}

/* The model */

static void
test_formats (void)
{
  CfSbomFormat format = CF_SBOM_FORMAT_CYCLONEDX_JSON;
  static const char * const ids[] = { "cyclonedx-json", "cyclonedx-xml", "spdx-json", "spdx3-jsonld" };
  g_autoptr(CfSbom) sbom = cf_sbom_new (CF_SBOM_FORMAT_SPDX_JSON);
  g_autofree char *label = NULL;
  g_autofree char *versioned = NULL;

  /* Stored in databases: these ids never change. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_cmpstr (cf_sbom_format_get_id ((CfSbomFormat) i), ==, ids[i]);
      g_assert_true (cf_sbom_format_from_id (ids[i], &format));
      g_assert_cmpint (format, ==, i);
      g_assert_nonnull (cf_sbom_format_get_label ((CfSbomFormat) i));
    }
  g_assert_false (cf_sbom_format_from_id ("spdx-tag-value", &format));
  g_assert_false (cf_sbom_format_from_id (NULL, &format));
  g_assert_cmpstr (cf_sbom_format_get_label (CF_SBOM_FORMAT_CYCLONEDX_JSON), ==, "CycloneDX (JSON)");

  label = cf_sbom_describe_format (sbom);
  g_assert_cmpstr (label, ==, "SPDX (JSON)");
  sbom->spec_version = g_strdup ("2.3");
  versioned = cf_sbom_describe_format (sbom);
  g_assert_cmpstr (versioned, ==, "SPDX 2.3 (JSON)");
}

static void
test_limits (void)
{
  CfSbomLimits limits;

  cf_sbom_limits_init_default (&limits);
  g_assert_cmpuint (limits.max_size, ==, 256 * 1024 * 1024);
  g_assert_cmpuint (limits.max_size, ==, CF_SBOM_DEFAULT_MAX_SIZE);
  g_assert_cmpuint (limits.max_depth, ==, 64);
  g_assert_cmpuint (limits.max_string, ==, 4 * 1024 * 1024);
  g_assert_cmpuint (limits.max_components, ==, 1000000);
}

static void
test_hash_lookup (void)
{
  g_autoptr(CfSbomComponent) component = cf_sbom_component_new ();
  CfSbomHash *hash = g_new0 (CfSbomHash, 1);

  g_assert_nonnull (component->hashes);
  g_assert_nonnull (component->depends_on);

  hash->algorithm = g_strdup ("SHA-512");
  hash->value = g_strdup ("abc");
  g_ptr_array_add (component->hashes, hash);

  /* Any of the spellings the formats use finds it. */
  g_assert_cmpstr (cf_sbom_component_get_hash (component, "SHA-512"), ==, "abc");
  g_assert_cmpstr (cf_sbom_component_get_hash (component, "SHA512"), ==, "abc");
  g_assert_cmpstr (cf_sbom_component_get_hash (component, "sha512"), ==, "abc");
  g_assert_null (cf_sbom_component_get_hash (component, "SHA-256"));
  g_assert_null (cf_sbom_component_get_hash (component, "SHA3-512"));
}

/* Real CycloneDX files */

static void
test_cyclonedx_dropwizard (void)
{
  g_autoptr(CfSbom) sbom = parse_data_file ("cyclonedx-dropwizard-1.3.15_bom.json");
  const CfSbomComponent *c;

  g_assert_cmpint (sbom->format, ==, CF_SBOM_FORMAT_CYCLONEDX_JSON);
  g_assert_cmpstr (sbom->spec_version, ==, "1.2");
  g_assert_cmpstr (sbom->serial, ==, "urn:uuid:b4f2954f-a96d-4578-9509-1ae2d6476209");
  g_assert_cmpstr (sbom->timestamp, ==, "2020-08-02T21:27:04Z");
  g_assert_cmpstr (sbom->tools, ==, "CycloneDX Maven plugin 2.0.2");
  g_assert_null (sbom->creator);
  g_assert_cmpstr (sbom->subject_name, ==, "dropwizard-parent");
  g_assert_cmpstr (sbom->subject_version, ==, "1.3.15");
  g_assert_cmpstr (sbom->subject_ref, ==, "pkg:maven/io.dropwizard/dropwizard-parent@1.3.15");

  /* `jq '.components | length'`: 167, none nested (a recursive count in
   * Python gives the same). Every one has a dependencies entry, with 170
   * dependsOn refs in all (`jq` over .dependencies, unique per entry). */
  g_assert_cmpuint (sbom->components->len, ==, 167);
  g_assert_cmpuint (count_edges (sbom), ==, 170);
  for (guint i = 0; i < sbom->components->len; i++)
    g_assert_true (((CfSbomComponent *) g_ptr_array_index (sbom->components, i))->dependencies_known);

  c = g_ptr_array_index (sbom->components, 0);
  g_assert_cmpstr (c->name, ==, "jackson-annotations");
  g_assert_cmpstr (c->version, ==, "2.9.10");
  g_assert_cmpstr (c->type, ==, "library");
  g_assert_cmpstr (c->licences, ==, "Apache-2.0");
  g_assert_cmpstr (c->purl, ==, "pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.9.10?type=jar");
  g_assert_cmpstr (c->download, ==, "https://oss.sonatype.org/service/local/staging/deploy/maven2/");
  g_assert_cmpuint (c->hashes->len, ==, 8);
  g_assert_cmpstr (cf_sbom_component_get_hash (c, "SHA-512"), ==,
                   "6b1ae1d7036ce2fff81bf8fc2a3a55e4ea7eb081de806ad05301d2eb126bed1d"
                   "da487027f3ccfa618c488e680e2f5ff22bc3f106e7c0af27b34d327d83083b46");
  g_assert_cmpstr (cf_sbom_component_get_hash (c, "SHA3-256"), ==,
                   "6ebca301e4a201a89630bd7235d27e48a795c7e6fca7727ac08f3cc87e6a5049");

  /* Several licences are joined; an OR expression keeps its meaning. */
  g_assert_cmpstr (find_component (sbom, "javassist")->licences, ==,
                   "MPL-1.1 AND LGPL-2.1-only AND Apache-2.0");
  g_assert_cmpstr (find_component (sbom, "osgi-resource-locator")->licences, ==,
                   "(CDDL-1.0 OR GPL-2.0-with-classpath-exception)");

  c = find_component (sbom, "dropwizard-validation");
  g_assert_cmpuint (c->depends_on->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (c->depends_on, 0), ==,
                   "pkg:maven/org.hibernate/hibernate-validator@5.4.3.Final?type=jar");
  g_assert_true (depends_on (c, "pkg:maven/org.javassist/javassist@3.24.1-GA?type=jar"));
}

static void
test_cyclonedx_laravel (void)
{
  g_autoptr(CfSbom) json = parse_data_file ("cyclonedx-laravel-7.12.0_bom.1.4.json");
  g_autoptr(CfSbom) xml = parse_data_file ("cyclonedx-laravel-7.12.0_bom.1.4.xml");
  g_autoptr(CfSbom) xml12 = parse_data_file ("cyclonedx-laravel-7.12.0_bom.1.2.xml");
  const CfSbomComponent *c;

  g_assert_cmpint (json->format, ==, CF_SBOM_FORMAT_CYCLONEDX_JSON);
  g_assert_cmpint (xml->format, ==, CF_SBOM_FORMAT_CYCLONEDX_XML);
  g_assert_cmpint (xml12->format, ==, CF_SBOM_FORMAT_CYCLONEDX_XML);
  g_assert_cmpstr (json->spec_version, ==, "1.4");
  g_assert_cmpstr (xml->spec_version, ==, "1.4");
  g_assert_cmpstr (xml12->spec_version, ==, "1.2");

  /* `jq '.components | length'` on the JSON, and on both XML files an
   * xmllint XPath count of the <component> children of /bom/components:
   * 62 each. 62 of the 63 dependency entries are
   * components' (the other is the product's), with 112 refs. */
  g_assert_cmpuint (json->components->len, ==, 62);
  g_assert_cmpuint (count_edges (json), ==, 112);
  g_assert_cmpstr (json->subject_name, ==, "cyclonedx-php-composer-demo");
  g_assert_cmpstr (json->subject_version, ==, "dev-master");
  g_assert_cmpstr (json->tools, ==, "cyclonedx-php-composer in-dev");
  g_assert_null (json->serial);

  c = find_component (json, "stack-cors");
  g_assert_cmpstr (c->ref, ==, "asm89/stack-cors-1.3.0.0");
  g_assert_cmpstr (c->version, ==, "1.3.0");
  g_assert_cmpstr (c->author, ==, "Alexander");
  g_assert_cmpstr (c->purl, ==, "pkg:composer/asm89/stack-cors@1.3.0");
  g_assert_cmpstr (c->licences, ==, "MIT");
  g_assert_cmpstr (c->download, ==,
                   "https://api.github.com/repos/asm89/stack-cors/zipball/b9c31def6a83f84b4d4a40d35996d375755f0e08");
  g_assert_true (c->dependencies_known);
  g_assert_cmpuint (c->depends_on->len, ==, 2);
  g_assert_true (depends_on (c, "symfony/http-foundation-5.4.16.0"));
  g_assert_true (depends_on (c, "symfony/http-kernel-5.4.16.0"));

  /* An entry without dependsOn: known to have none. */
  c = find_component (json, "math");
  g_assert_true (c->dependencies_known);
  g_assert_cmpuint (c->depends_on->len, ==, 0);

  assert_same_components (json, xml);
  assert_same_components (json, xml12);
}

static void
test_cyclonedx_proton_bridge (void)
{
  g_autoptr(CfSbom) json = parse_data_file ("cyclonedx-proton-bridge_proton-bridge-v1.8.0.bom.json");
  g_autoptr(CfSbom) xml = parse_data_file ("cyclonedx-proton-bridge_proton-bridge-v1.8.0.bom.xml");
  const CfSbomComponent *c;

  g_assert_cmpint (json->format, ==, CF_SBOM_FORMAT_CYCLONEDX_JSON);
  g_assert_cmpint (xml->format, ==, CF_SBOM_FORMAT_CYCLONEDX_XML);

  /* `jq '.components | length'` and the XPath count: 201 each; 176 refs in
   * the components' dependency entries (232 in all, 56 the product's). */
  g_assert_cmpuint (json->components->len, ==, 201);
  g_assert_cmpuint (count_edges (json), ==, 176);
  g_assert_cmpstr (json->subject_name, ==, "github.com/ProtonMail/proton-bridge");
  g_assert_cmpstr (json->subject_version, ==, "v1.8.0");
  g_assert_cmpstr (json->tools, ==, "cyclonedx-gomod v0.6.1");

  /* The two were generated separately: their serial numbers and times
   * differ, their components do not. */
  g_assert_cmpstr (json->serial, ==, "urn:uuid:d7a0ac67-e0f8-4342-86c6-801a02437636");
  g_assert_cmpstr (xml->serial, ==, "urn:uuid:74e6d3e0-8df7-4717-a567-3c9046fa719c");
  assert_same_components (json, xml);

  c = g_ptr_array_index (json->components, 0);
  g_assert_cmpstr (c->name, ==, "github.com/0xAX/notificator");
  g_assert_cmpstr (c->version, ==, "v0.0.0-20191016112426-3962a5ea8da1");
  g_assert_cmpstr (cf_sbom_component_get_hash (c, "SHA-256"), ==,
                   "8fd1da69f6a90db3db1910e4bba7bf1d1b3a28131c287896726d7ff526f19e5e");
  g_assert_cmpstr (c->licences, ==, "BSD-3-Clause");
  g_assert_true (c->dependencies_known);
  g_assert_cmpuint (c->depends_on->len, ==, 0);

  g_assert_cmpstr (find_component (json, "github.com/BurntSushi/xgb")->licences, ==,
                   "BSD-3-Clause AND GooglePatentClause");
}

/* Crafted CycloneDX 1.6: what the real files do not show. */
static void
test_cyclonedx_crafted (void)
{
  g_autoptr(CfSbom) json = parse_data_file ("crafted-cyclonedx-1.6.json");
  g_autoptr(CfSbom) xml = parse_data_file ("crafted-cyclonedx-1.6.xml");
  static const char * const order[] = {
    "bootloader", "openssl", "libcrypto", "libcrypto-asm", "zlib", "busybox"
  };
  const CfSbomComponent *c;

  g_assert_cmpstr (json->spec_version, ==, "1.6");
  g_assert_cmpstr (json->timestamp, ==, "2026-01-15T10:00:00Z");
  /* An organisation's contact email before its URL. */
  g_assert_cmpstr (json->creator, ==, "Jane Doe <jane@example.com>; sbom@example.com; "
                   "Example Devices GmbH <https://devices.example.com>; "
                   "Example Devices GmbH <psirt@example.com>");
  g_assert_cmpstr (json->tools, ==, "syft 1.0.0; sbom-service");
  g_assert_cmpstr (json->subject_ref, ==, "router");
  g_assert_cmpstr (json->subject_name, ==, "Router firmware");

  /* The product's own parts first, then nested components right after
   * their parent. */
  g_assert_cmpuint (json->components->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (((CfSbomComponent *) g_ptr_array_index (json->components, i))->name, ==, order[i]);

  c = find_component (json, "openssl");
  g_assert_cmpstr (c->supplier, ==, "OpenSSL Software Foundation");
  g_assert_cmpstr (c->author, ==, "The OpenSSL Project");
  g_assert_cmpstr (c->cpe, ==, "cpe:2.3:a:openssl:openssl:3.0.13:*:*:*:*:*:*:*");
  g_assert_cmpstr (c->download, ==, "https://www.openssl.org/source/openssl-3.0.13.tar.gz");
  g_assert_cmpstr (cf_sbom_component_get_hash (c, "SHA-256"), ==,
                   "88525753f79d3bec27d2fa7c66aeaf8a2b87d28c1a5a4e4d5d8f37af4d7e19a1");
  /* A repeated ref is recorded once. */
  g_assert_cmpuint (c->depends_on->len, ==, 2);

  c = find_component (json, "libcrypto");
  g_assert_cmpstr (c->author, ==, "OpenSSL Software Foundation");
  g_assert_cmpstr (c->licences, ==, "(Apache-2.0 OR MIT) AND Custom licence");
  g_assert_true (c->dependencies_known);

  g_assert_cmpstr (cf_sbom_component_get_hash (find_component (json, "zlib"), "SHA3-256"), ==, "abcdef0123");
  g_assert_true (find_component (json, "zlib")->dependencies_known);
  g_assert_cmpstr (find_component (json, "busybox")->author, ==, "Erik Andersen; Denys Vlasenko");
  g_assert_false (find_component (json, "busybox")->dependencies_known);
  g_assert_false (find_component (json, "bootloader")->dependencies_known);

  assert_same_components (json, xml);
  g_assert_cmpstr (json->serial, ==, xml->serial);
  g_assert_cmpstr (json->timestamp, ==, xml->timestamp);
}

/* SPDX */

static void
test_spdx22_appbomination (void)
{
  g_autoptr(CfSbom) sbom = parse_data_file ("spdx22-appbomination.spdx.json");
  const CfSbomComponent *c;

  g_assert_cmpint (sbom->format, ==, CF_SBOM_FORMAT_SPDX_JSON);
  g_assert_cmpstr (sbom->spec_version, ==, "2.2");
  g_assert_cmpstr (sbom->name, ==, "SpdxDoc for App-BOM-ination");
  g_assert_cmpstr (sbom->serial, ==,
                   "http://www.sourceauditor.com/spdxdocs/appbomination-src/e3b71037-57de-44c9-8b7f-4e8a62f45311");
  g_assert_cmpstr (sbom->timestamp, ==, "2021-09-02T13:46:32Z");
  g_assert_cmpstr (sbom->creator, ==, "Gary O'Neall");
  g_assert_cmpstr (sbom->tools, ==, "Source Auditor Open Source Console");

  /* `jq '.packages | length'`: 7, of which documentDescribes names one,
   * SPDXRef-1: the subject. The 10 files are not components. */
  g_assert_cmpstr (sbom->subject_ref, ==, "SPDXRef-1");
  g_assert_cmpstr (sbom->subject_name, ==, "App-BOM-ination");
  g_assert_cmpstr (sbom->subject_version, ==, "1.0");
  g_assert_cmpuint (sbom->components->len, ==, 6);

  /* "SPDXRef-23 DEPENDENCY_OF SPDXRef-22": junit depends on hamcrest. */
  c = find_component (sbom, "junit");
  g_assert_cmpstr (c->ref, ==, "SPDXRef-22");
  g_assert_true (c->dependencies_known);
  g_assert_cmpuint (c->depends_on->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (c->depends_on, 0), ==, "SPDXRef-23");
  g_assert_cmpstr (c->licences, ==, "EPL-1.0");
  g_assert_cmpstr (c->purl, ==, "pkg:maven/junit/junit@4.12");
  g_assert_cmpstr (c->filename, ==, "junit-4.12.jar");

  c = find_component (sbom, "hamcrest-core");
  g_assert_false (c->dependencies_known);
  g_assert_cmpstr (c->version, ==, "1.3");
  g_assert_cmpstr (cf_sbom_component_get_hash (c, "SHA-1"), ==, "42a25dc3219429f0e5d060061f71acb49bf010a0");
  g_assert_cmpstr (c->licences, ==, "BSD-3-Clause");
  g_assert_cmpstr (c->download, ==, "https://repo1.maven.org/maven2/org/hamcrest/hamcrest-core/1.3/hamcrest-core-1.3.jar");

  /* Concluded Apache-2.0, declared NOASSERTION. */
  g_assert_cmpstr (find_component (sbom, "slf4j-api")->licences, ==, "Apache-2.0");

  /* downloadLocation NOASSERTION is no location; containing only files
   * says nothing about dependencies. */
  c = find_component (sbom, "Gradle");
  g_assert_null (c->download);
  g_assert_null (c->version);
  g_assert_false (c->dependencies_known);
}

static void
test_spdx22_hello (void)
{
  g_autoptr(CfSbom) sbom = parse_data_file ("spdx22-hello-src.spdx.json");

  /* One package, the one described: the subject, and no components. */
  g_assert_cmpstr (sbom->spec_version, ==, "2.2");
  g_assert_cmpuint (sbom->components->len, ==, 0);
  g_assert_cmpstr (sbom->subject_name, ==, "hello");
  g_assert_cmpstr (sbom->subject_version, ==, "0.0.1");
  g_assert_cmpstr (sbom->creator, ==, "DocFest");
  g_assert_cmpstr (sbom->tools, ==, "Microsoft.SBOMTool-0.2.7");
}

static void
test_spdx23_crafted (void)
{
  g_autoptr(CfSbom) sbom = parse_data_file ("crafted-spdx-2.3.json");
  const CfSbomComponent *c;

  g_assert_cmpstr (sbom->spec_version, ==, "2.3");
  g_assert_cmpstr (sbom->creator, ==, "Example Devices GmbH (sbom@example.com); Jane Doe");
  g_assert_cmpstr (sbom->tools, ==, "spdx-builder-1.2");

  /* Two packages described: neither is "the product", so there is no
   * subject and all four packages are components. */
  g_assert_null (sbom->subject_ref);
  g_assert_null (sbom->subject_name);
  g_assert_cmpuint (sbom->components->len, ==, 4);

  c = find_component (sbom, "embedded-linux");
  g_assert_cmpstr (c->type, ==, "operating-system");
  g_assert_cmpstr (c->supplier, ==, "Example Devices GmbH");
  g_assert_cmpstr (c->author, ==, "Linus Torvalds");
  g_assert_cmpstr (c->licences, ==, "GPL-2.0-only WITH Linux-syscall-note");
  g_assert_cmpstr (c->cpe, ==, "cpe:2.3:o:linux:linux_kernel:6.6:*:*:*:*:*:*:*");
  g_assert_cmpstr (c->purl, ==, "pkg:generic/linux@6.6");
  g_assert_cmpstr (c->filename, ==, "linux-6.6.tar.xz");
  g_assert_cmpstr (cf_sbom_component_get_hash (c, "SHA-256"), ==,
                   "d3ab0b9e07b85e23a5a1b4b5c6e7f8a9d3ab0b9e07b85e23a5a1b4b5c6e7f8a9");
  g_assert_cmpstr (cf_sbom_component_get_hash (c, "SHA-512"), ==, "ab");
  /* BUILD_DEPENDENCY_OF and CONTAINED_BY point back at it; the file it
   * contains is not a component. */
  g_assert_cmpuint (c->depends_on->len, ==, 2);
  g_assert_true (depends_on (c, "SPDXRef-libbar"));
  g_assert_true (depends_on (c, "SPDXRef-libfoo"));

  c = find_component (sbom, "libfoo");
  g_assert_null (c->version);
  g_assert_null (c->supplier);
  g_assert_null (c->download);
  g_assert_cmpstr (c->licences, ==, "MIT");
  g_assert_true (depends_on (c, "SPDXRef-libbar"));

  /* DEPENDS_ON NONE: known to have none. */
  c = find_component (sbom, "libbar");
  g_assert_true (c->dependencies_known);
  g_assert_cmpuint (c->depends_on->len, ==, 0);

  c = find_component (sbom, "app");
  g_assert_cmpstr (c->type, ==, "application");
  g_assert_true (depends_on (c, "DocumentRef-other:SPDXRef-lib"));
}

static void
test_spdx30_appbomination (void)
{
  g_autoptr(CfSbom) sbom = parse_data_file ("spdx30-appbomination.spdx3.json");
  g_autoptr(CfSbom) spdx2 = parse_data_file ("spdx22-appbomination.spdx.json");
  const char *prefix = "http://www.sourceauditor.com/spdxdocs/appbomination-src/"
                       "e3b71037-57de-44c9-8b7f-4e8a62f45311-specv3/";
  g_autofree char *hamcrest = g_strconcat (prefix, "SPDXRef-gnrtd74", NULL);
  g_autofree char *root = g_strconcat (prefix, "SPDXRef-gnrtd3", NULL);
  const CfSbomComponent *c;

  g_assert_cmpint (sbom->format, ==, CF_SBOM_FORMAT_SPDX3_JSONLD);
  g_assert_cmpstr (sbom->spec_version, ==, "3.0.1");
  g_assert_cmpstr (sbom->name, ==, "SpdxDoc for App-BOM-ination");
  g_assert_cmpstr (sbom->timestamp, ==, "2021-09-02T13:46:32Z");
  g_assert_cmpstr (sbom->creator, ==, "Gary O'Neall");
  g_assert_cmpstr (sbom->tools, ==, "Source Auditor Open Source Console");

  /* `jq '[."@graph"[] | select(.type == "software_Package")] | length'`:
   * 7, of which rootElement (and the one "describes") names one. */
  g_assert_cmpstr (sbom->subject_ref, ==, root);
  g_assert_cmpstr (sbom->subject_name, ==, "App-BOM-ination");
  g_assert_cmpstr (sbom->subject_version, ==, "1.0");
  g_assert_cmpuint (sbom->components->len, ==, 6);

  /* A LifecycleScopedRelationship "dependsOn": junit → hamcrest-core. */
  c = find_component (sbom, "junit");
  g_assert_true (c->dependencies_known);
  g_assert_cmpuint (c->depends_on->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (c->depends_on, 0), ==, hamcrest);
  g_assert_cmpstr (c->purl, ==, "pkg:maven/junit/junit@4.12");
  g_assert_cmpstr (c->download, ==, "https://repo1.maven.org/maven2/junit/junit/4.12/junit-4.12.jar");

  /* Concluded licence through hasConcludedLicense → LicenseExpression. */
  g_assert_cmpstr (find_component (sbom, "hamcrest-core")->licences, ==, "BSD-3-Clause");
  g_assert_cmpstr (find_component (sbom, "Faust Proprietary File")->licences, ==, "LicenseRef-1");
  g_assert_null (find_component (sbom, "Gradle")->download);

  /* The same project in SPDX 2.2: the same packages. */
  for (guint i = 0; i < spdx2->components->len; i++)
    {
      const CfSbomComponent *old = g_ptr_array_index (spdx2->components, i);
      const CfSbomComponent *new = find_component (sbom, old->name);

      g_assert_cmpstr (new->version, ==, old->version);
      g_assert_cmpstr (new->purl, ==, old->purl);
      g_assert_cmpstr (new->licences, ==, old->licences);
      g_assert_cmpuint (new->depends_on->len, ==, old->depends_on->len);
    }
}

static void
test_spdx30_crafted (void)
{
  g_autoptr(CfSbom) sbom = parse_data_file ("crafted-spdx-3.0.json");
  const CfSbomComponent *c;

  g_assert_cmpstr (sbom->serial, ==, "https://example.com/doc");
  g_assert_cmpstr (sbom->creator, ==, "Example Devices GmbH");
  g_assert_cmpstr (sbom->tools, ==, "sbom-maker 2.0");

  /* The root element is an Sbom whose own root is the router. */
  g_assert_cmpstr (sbom->subject_name, ==, "router");
  g_assert_cmpuint (sbom->components->len, ==, 2);

  c = find_component (sbom, "linux");
  g_assert_cmpstr (c->type, ==, "operating-system");
  g_assert_cmpstr (c->supplier, ==, "Example Devices GmbH");
  g_assert_cmpstr (c->author, ==, "Linus Torvalds");
  g_assert_cmpstr (c->purl, ==, "pkg:generic/linux@6.6");
  g_assert_cmpstr (c->cpe, ==, "cpe:2.3:o:linux:linux_kernel:6.6:*:*:*:*:*:*:*");
  g_assert_cmpstr (c->licences, ==, "GPL-2.0-only WITH Linux-syscall-note");
  g_assert_cmpstr (cf_sbom_component_get_hash (c, "SHA-256"), ==,
                   "d3ab0b9e07b85e23a5a1b4b5c6e7f8a9d3ab0b9e07b85e23a5a1b4b5c6e7f8a9");
  g_assert_cmpstr (cf_sbom_component_get_hash (c, "SHA3-512"), ==, "aa");
  g_assert_cmpuint (c->depends_on->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (c->depends_on, 0), ==, "https://example.com/musl");

  /* A listed licence by its IRI; "complete" with no one: none. */
  c = find_component (sbom, "musl");
  g_assert_cmpstr (c->licences, ==, "MIT");
  g_assert_true (c->dependencies_known);
  g_assert_cmpuint (c->depends_on->len, ==, 0);
}

/* Detection */

static void
test_detect_from_content (void)
{
  g_autoptr(GBytes) json = load_bytes ("cyclonedx-laravel-7.12.0_bom.1.4.json");
  g_autoptr(GBytes) xml = load_bytes ("cyclonedx-laravel-7.12.0_bom.1.4.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSbom) sbom = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cf-sbom-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *with_bom = NULL;
  gsize size;
  const char *data = g_bytes_get_data (json, &size);

  g_assert_no_error (error);

  /* A JSON SBOM saved as "bom.xml" is JSON. */
  path = g_build_filename (dir, "bom.xml", NULL);
  g_file_set_contents (path, data, (gssize) size, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  sbom = cf_sbom_parse_file (file, NULL, NULL, &contents, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sbom->format, ==, CF_SBOM_FORMAT_CYCLONEDX_JSON);
  g_assert_cmpuint (sbom->components->len, ==, 62);
  g_assert_true (g_bytes_equal (contents, json));
  g_clear_pointer (&sbom, cf_sbom_free);
  g_clear_object (&file);
  g_unlink (path);
  g_free (path);

  /* And the XML one saved as "sbom.json" is XML. */
  path = g_build_filename (dir, "sbom.json", NULL);
  data = g_bytes_get_data (xml, &size);
  g_file_set_contents (path, data, (gssize) size, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  sbom = cf_sbom_parse_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sbom->format, ==, CF_SBOM_FORMAT_CYCLONEDX_XML);
  g_clear_pointer (&sbom, cf_sbom_free);
  g_unlink (path);
  g_rmdir (dir);

  /* A UTF-8 byte order mark and white space before the JSON. */
  data = g_bytes_get_data (json, &size);
  with_bom = g_strconcat ("\xEF\xBB\xBF \r\n\t", data, NULL);
  g_clear_pointer (&contents, g_bytes_unref);
  contents = g_bytes_new (with_bom, strlen (with_bom));
  sbom = cf_sbom_parse (contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sbom->format, ==, CF_SBOM_FORMAT_CYCLONEDX_JSON);
}

static void
test_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/cf-sbom/bom.json");
  g_autofree char *dir = g_dir_make_tmp ("cf-sbom-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "broken.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CfSbom *sbom;

  g_assert_no_error (error);

  sbom = cf_sbom_parse_file (missing, NULL, NULL, NULL, &error);
  g_assert_null (sbom);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/cf-sbom/bom.json"));
  g_clear_error (&error);

  /* A parse error names the file. */
  g_file_set_contents (path, "{\"bomFormat\": \"CycloneDX\",\n \"specVersion\": 1.4}", -1, &error);
  g_assert_no_error (error);
  sbom = cf_sbom_parse_file (file, NULL, NULL, NULL, &error);
  g_assert_null (sbom);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "$.specVersion is not a string"));

  g_unlink (path);
  g_rmdir (dir);
}

/* Refusals */

static void
test_refuse_malformed_json (void)
{
  assert_text_refused ("{\"bomFormat\": \"CycloneDX\",\n"
                       " \"specVersion\": \"1.4\",\n"
                       " \"components\": [ { \"name\": \"a\",, } ] }",
                       NULL, CF_ERROR_INVALID_INPUT, "line 3");
  /* What json-glib would take but JSON is not. */
  assert_text_refused ("{'bomFormat': 'CycloneDX'}", NULL, CF_ERROR_INVALID_INPUT, "line 1, column 2");
  assert_text_refused ("{\n/* \" */ \"a\": 1}", NULL, CF_ERROR_INVALID_INPUT, "line 2, column 1");
  assert_text_refused ("{\"a\": \"\\x41\"}", NULL, CF_ERROR_INVALID_INPUT, "escape");
  assert_text_refused ("{\"a\": \"tab\there\"}", NULL, CF_ERROR_INVALID_INPUT, "control character");
  assert_text_refused ("{\"a\":\n \"\xff\"}", NULL, CF_ERROR_INVALID_INPUT, "line 2");
  assert_text_refused ("{\"a\": \"open", NULL, CF_ERROR_INVALID_INPUT, "not closed");
  /* Lines count from the start of the file, blank ones included. */
  assert_text_refused ("\xEF\xBB\xBF\n\n{\"a\": [1,,2]}", NULL, CF_ERROR_INVALID_INPUT, "line 3");
  /* json-glib quotes a lone surrogate as bytes that are not UTF-8. */
  {
    const char *text = "{\"bomFormat\": \"CycloneDX\", \"specVersion\\ud83d\", \"x\": 1}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
    g_autoptr(GError) error = NULL;
    g_autoptr(CfSbom) sbom = cf_sbom_parse (bytes, NULL, &error);

    g_assert_null (sbom);
    g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
  }
  /* JSON, but no SBOM. */
  assert_text_refused ("[1, 2]", NULL, CF_ERROR_INVALID_INPUT, "not a CycloneDX or SPDX");
  assert_text_refused ("{\"hello\": \"world\"}", NULL, CF_ERROR_INVALID_INPUT, "not a CycloneDX or SPDX");
  assert_text_refused ("{\"bomFormat\": \"SWID\"}", NULL, CF_ERROR_INVALID_INPUT, "not a CycloneDX or SPDX");
}

/* The first half of a real file. */
static GBytes *
truncated (const char *name)
{
  g_autoptr(GBytes) whole = load_bytes (name);

  return g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);
}

static void
test_refuse_truncated (void)
{
  g_autoptr(GBytes) json = truncated ("cyclonedx-laravel-7.12.0_bom.1.4.json");
  g_autoptr(GBytes) xml = truncated ("cyclonedx-laravel-7.12.0_bom.1.4.xml");
  g_autoptr(GBytes) spdx = truncated ("spdx30-appbomination.spdx3.json");

  assert_refused (json, NULL, CF_ERROR_INVALID_INPUT, "Not valid JSON at line");
  assert_refused (xml, NULL, CF_ERROR_INVALID_INPUT, "Not valid XML at line");
  assert_refused (spdx, NULL, CF_ERROR_INVALID_INPUT, "Not valid JSON at line");
}

static void
test_refuse_deep_json (void)
{
  g_autoptr(GString) text = g_string_new ("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.4\", \"x\": ");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *brackets = g_strnfill (100000, '[');

  /* json-glib recurses: handed this, it would overflow the stack. */
  g_string_append (text, brackets);
  bytes = g_bytes_new (text->str, text->len);
  assert_refused (bytes, NULL, CF_ERROR_TOO_LARGE, "more than 64 deep");

  /* The 64th '[' after the object's '{' is one too many. */
  g_string_assign (text, "{\"x\": ");
  g_string_append (text, brackets);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (text->str, text->len);
  assert_refused (bytes, NULL, CF_ERROR_TOO_LARGE, "line 1, column 70");
}

static void
test_refuse_deep_xml (void)
{
  g_autoptr(GString) text = g_string_new ("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\">\n");
  g_autoptr(GBytes) bytes = NULL;
  CfSbomLimits limits;

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "<components>");
  bytes = g_bytes_new (text->str, text->len);
  assert_refused (bytes, NULL, CF_ERROR_TOO_LARGE, "more than 64 deep");

  /* A limit of ours, below libxml2's own. */
  cf_sbom_limits_init_default (&limits);
  limits.max_depth = 3;
  assert_text_refused ("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\">\n"
                       "<components>\n<component>\n<name>a</name></component></components></bom>",
                       &limits, CF_ERROR_TOO_LARGE, "line 4");
}

static void
test_refuse_too_large (void)
{
  g_autoptr(GBytes) bytes = load_bytes ("cyclonedx-laravel-7.12.0_bom.1.4.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cf-sbom-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  CfSbomLimits limits;
  CfSbom *sbom;

  g_assert_no_error (error);
  cf_sbom_limits_init_default (&limits);
  limits.max_size = 1000;
  assert_refused (bytes, &limits, CF_ERROR_TOO_LARGE, "(1000 bytes)");

  /* The same file, from its size: the message gives it. */
  {
    g_autofree char *real = g_test_build_filename (G_TEST_DIST, "data", "sbom",
                                                   "cyclonedx-laravel-7.12.0_bom.1.4.json", NULL);
    g_autoptr(GFile) real_file = g_file_new_for_path (real);
    g_autoptr(GBytes) contents = NULL;

    sbom = cf_sbom_parse_file (real_file, &limits, NULL, &contents, &error);
    g_assert_null (sbom);
    g_assert_null (contents);
    g_assert_error (error, CF_ERROR, CF_ERROR_TOO_LARGE);
    g_assert_nonnull (strstr (error->message, "cyclonedx-laravel-7.12.0_bom.1.4.json"));
    g_assert_nonnull (strstr (error->message, "(139669 bytes)"));
    g_clear_error (&error);
  }

  /* A sparse 1 TB file: refused from its size, before a byte is read. */
  stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_seekable_truncate (G_SEEKABLE (stream), G_GOFFSET_CONSTANT (1000000000000), NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  sbom = cf_sbom_parse_file (file, NULL, NULL, NULL, &error);
  g_assert_null (sbom);
  g_assert_error (error, CF_ERROR, CF_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.json"));
  g_assert_nonnull (strstr (error->message, "1000000000000 bytes"));
  g_clear_error (&error);

  g_unlink (path);
  g_rmdir (dir);

  /* Too many components. */
  cf_sbom_limits_init_default (&limits);
  limits.max_components = 10;
  assert_refused (bytes, &limits, CF_ERROR_TOO_LARGE, "more than 10 components");
}

static void
test_refuse_long_string (void)
{
  CfSbomLimits limits;

  cf_sbom_limits_init_default (&limits);
  limits.max_string = 16;

  assert_text_refused ("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.4\",\n"
                       " \"components\": [{\"name\": \"abcdefghijklmnopqrstuvwxyz\"}]}",
                       &limits, CF_ERROR_TOO_LARGE, "line 2, column 26");
  assert_text_refused ("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\">\n"
                       "<components><component><name>abcdefghijklmnopqrstuvwxyz</name>"
                       "</component></components></bom>",
                       &limits, CF_ERROR_TOO_LARGE, "<name> at line 2");
  assert_text_refused ("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\">\n"
                       "<components><component bom-ref=\"abcdefghijklmnopqrstuvwxyz\"><name>a</name>"
                       "</component></components></bom>",
                       &limits, CF_ERROR_TOO_LARGE, "<component> at line 2");

  /* Exactly at the limit passes. */
  limits.max_string = 26;
  {
    g_autoptr(GError) error = NULL;
    const char *text = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.4\","
                       " \"components\": [{\"name\": \"abcdefghijklmnopqrstuvwxyz\"}]}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
    g_autoptr(CfSbom) sbom = cf_sbom_parse (bytes, &limits, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (sbom->components->len, ==, 1);
  }
}

static void
test_refuse_entities (void)
{
  const char *laughs =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE bom [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"><components><component>"
    "<name>&lol9;</name></component></components></bom>\n";
  const char *passwd =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE bom [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"><components><component>"
    "<name>&xxe;</name></component></components></bom>\n";
  const char *external =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE bom SYSTEM \"file:///etc/passwd\">\n"
    "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"/>\n";
  const char *undeclared =
    "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"><components><component>"
    "<name>&xxe;</name></component></components></bom>\n";
  const char *texts[] = { laughs, passwd, external };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (texts[i], strlen (texts[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(CfSbom) sbom = cf_sbom_parse (bytes, NULL, &error);

      g_assert_null (sbom);
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "DOCTYPE"));
      g_assert_nonnull (strstr (error->message, "line 2"));
      g_assert_null (strstr (error->message, "root:"));
      g_assert_null (strstr (error->message, "lollol"));
    }

  assert_text_refused (undeclared, NULL, CF_ERROR_INVALID_INPUT, "xxe");
}

static void
test_refuse_unsupported (void)
{
  assert_text_refused ("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.1\"}",
                       NULL, CF_ERROR_INVALID_INPUT, "CycloneDX 1.1 is not supported");
  assert_text_refused ("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.7\"}",
                       NULL, CF_ERROR_INVALID_INPUT, "CycloneDX 1.7 is not supported");
  assert_text_refused ("{\"bomFormat\": \"CycloneDX\"}", NULL, CF_ERROR_INVALID_INPUT,
                       "$.specVersion is missing");
  assert_text_refused ("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.1\"/>",
                       NULL, CF_ERROR_INVALID_INPUT, "CycloneDX 1.1 is not supported");
  assert_text_refused ("{\"spdxVersion\": \"SPDX-2.1\", \"packages\": []}",
                       NULL, CF_ERROR_INVALID_INPUT, "“SPDX-2.1” is not supported");
  assert_text_refused ("{\"@context\": \"https://spdx.org/rdf/3.1/spdx-context.jsonld\", \"@graph\": []}",
                       NULL, CF_ERROR_INVALID_INPUT, "spdx.org/rdf/3.1");
  assert_text_refused ("SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\n",
                       NULL, CF_ERROR_INVALID_INPUT, "tag-value");
  assert_text_refused ("## An SBOM\n\nSPDXVersion: SPDX-2.2\n", NULL, CF_ERROR_INVALID_INPUT, "tag-value");
  assert_text_refused ("<?xml version=\"1.0\"?>\n"
                       "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>",
                       NULL, CF_ERROR_INVALID_INPUT, "RDF");
  assert_text_refused ("<html><body>Not an SBOM</body></html>", NULL, CF_ERROR_INVALID_INPUT,
                       "not a CycloneDX or SPDX");
}

static void
test_refuse_empty_and_garbage (void)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint8 garbage[4096];

  assert_refused (empty, NULL, CF_ERROR_INVALID_INPUT, "empty");
  assert_text_refused (" \n\t ", NULL, CF_ERROR_INVALID_INPUT, "empty");
  assert_text_refused ("\xEF\xBB\xBF", NULL, CF_ERROR_INVALID_INPUT, "empty");

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CfSbom) sbom = NULL;

      for (guint i = 0; i < sizeof garbage; i++)
        garbage[i] = (guint8) g_rand_int_range (rand, 0, 256);
      /* The two ways in, then whatever comes first. */
      if (round % 3 == 0)
        garbage[0] = '{';
      else if (round % 3 == 1)
        garbage[0] = '<';
      bytes = g_bytes_new (garbage, sizeof garbage);
      sbom = cf_sbom_parse (bytes, NULL, &error);
      g_assert_null (sbom);
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
    }
}

static void
test_refuse_bad_shape (void)
{
  const char *cdx = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", ";

#define CDX(rest) g_strconcat (cdx, rest, NULL)
  struct {
    char       *text;
    const char *message;
  } cases[] = {
    { CDX ("\"components\": [{\"name\": \"a\"}, {\"version\": \"1\"}]}"), "$.components[1].name is missing" },
    { CDX ("\"components\": [{\"name\": \"  \"}]}"), "$.components[0].name is empty" },
    { CDX ("\"components\": [{\"name\": 7}]}"), "$.components[0].name is not a string" },
    { CDX ("\"components\": {\"name\": \"a\"}}"), "$.components is not an array" },
    { CDX ("\"components\": [\"a\"]}"), "$.components[0] is not an object" },
    { CDX ("\"components\": [{\"name\": \"a\", \"components\": [{\"name\": \"b\"}, {}]}]}"),
      "$.components[0].components[1].name is missing" },
    { CDX ("\"components\": [{\"name\": \"a\", \"hashes\": [1]}]}"), "$.components[0].hashes[0] is not an object" },
    { CDX ("\"components\": [{\"name\": \"a\", \"licenses\": \"MIT\"}]}"), "$.components[0].licenses is not an array" },
    { CDX ("\"dependencies\": [{\"dependsOn\": []}]}"), "$.dependencies[0].ref is missing" },
    { CDX ("\"dependencies\": [{\"ref\": \"a\", \"dependsOn\": [\"b\", 3]}]}"), "$.dependencies[0].dependsOn[1] is not a string" },
    { g_strdup ("{\"spdxVersion\": \"SPDX-2.3\", \"packages\": [{\"SPDXID\": \"SPDXRef-a\"}]}"),
      "$.packages[0].name is missing" },
    { g_strdup ("{\"spdxVersion\": \"SPDX-2.3\", \"packages\": [{\"name\": \"a\", \"checksums\": [\"x\"]}]}"),
      "$.packages[0].checksums[0] is not an object" },
    { g_strdup ("{\"spdxVersion\": \"SPDX-2.3\", \"relationships\": [{\"spdxElementId\": \"a\"}]}"),
      "$.relationships[0].relationshipType is missing" },
    { g_strdup ("{\"@context\": \"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\"}"),
      "$['@graph'] is missing" },
    { g_strdup ("{\"@context\": \"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\", \"@graph\": "
                "[{\"type\": \"SpdxDocument\"}, {\"type\": \"software_Package\", \"spdxId\": \"p\"}]}"),
      "$['@graph'][1].name is missing" },
    { g_strdup ("{\"@context\": \"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\", \"@graph\": [3]}"),
      "$['@graph'][0] is not an object" },
  };
#undef CDX

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      assert_text_refused (cases[i].text, NULL, CF_ERROR_INVALID_INPUT, cases[i].message);
      g_free (cases[i].text);
    }

  /* XML: the line of the component without a name. */
  assert_text_refused ("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.3\">\n<components>\n"
                       "<component type=\"library\"><name>a</name></component>\n"
                       "<component type=\"library\"><version>1</version></component>\n"
                       "</components></bom>",
                       NULL, CF_ERROR_INVALID_INPUT, "<component> at line 4 has no <name>");
  assert_text_refused ("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.3\">\n<dependencies>\n"
                       "<dependency/>\n</dependencies></bom>",
                       NULL, CF_ERROR_INVALID_INPUT, "<dependency> at line 3 has no ref");
}

/* Optional fields of an unexpected type are skipped, not refused. */
static void
test_lenient_optional_fields (void)
{
  const char *text = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.4\", \"metadata\": 5,"
                     " \"components\": [{\"name\": \"a\", \"version\": 1.0, \"purl\": null,"
                     " \"supplier\": \"ACME\", \"externalReferences\": 3, \"hashes\": [{\"alg\": 1}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSbom) sbom = cf_sbom_parse (bytes, NULL, &error);
  const CfSbomComponent *c;

  g_assert_no_error (error);
  c = g_ptr_array_index (sbom->components, 0);
  g_assert_cmpstr (c->name, ==, "a");
  g_assert_null (c->version);
  g_assert_null (c->purl);
  g_assert_null (c->supplier);
  g_assert_cmpuint (c->hashes->len, ==, 0);
  g_assert_false (c->dependencies_known);
}

/* 10,000 components, about 10 MB: well under a second. */
static void
test_large (void)
{
  g_autoptr(GString) text = g_string_new ("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\",\n"
                                          " \"components\": [\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSbom) sbom = NULL;
  const guint n = 10000;
  gint64 start;
  double seconds;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text,
                            "  {\"bom-ref\": \"pkg:npm/package-%u@1.%u.0\", \"type\": \"library\","
                            " \"name\": \"package-%u\", \"version\": \"1.%u.0\","
                            " \"purl\": \"pkg:npm/package-%u@1.%u.0\","
                            " \"licenses\": [{\"license\": {\"id\": \"MIT\"}}],"
                            " \"hashes\": [{\"alg\": \"SHA-256\", \"content\": \"%064x\"},"
                            " {\"alg\": \"SHA-512\", \"content\": \"%0128x\"},"
                            " {\"alg\": \"SHA-1\", \"content\": \"%040x\"}],"
                            " \"externalReferences\": [{\"type\": \"distribution\","
                            " \"url\": \"https://registry.npmjs.org/package-%u/-/package-%u-1.%u.0.tgz\"},"
                            " {\"type\": \"website\", \"url\": \"https://example.com/package-%u\"}],"
                            " \"description\": \"A package that does one thing well, number %u of many,"
                            " described at some length so that the file is as large as a real one.\"}%s\n",
                            i, i, i, i, i, i, i, i, i, i, i, i, i, i, i + 1 < n ? "," : "");
  g_string_append (text, " ],\n \"dependencies\": [\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "  {\"ref\": \"pkg:npm/package-%u@1.%u.0\", \"dependsOn\": "
                            "[\"pkg:npm/package-%u@1.%u.0\", \"pkg:npm/package-%u@1.%u.0\"]}%s\n",
                            i, i, (i + 1) % n, (i + 1) % n, (i + 7) % n, (i + 7) % n,
                            i + 1 < n ? "," : "");
  g_string_append (text, " ]\n}\n");
  g_assert_cmpuint (text->len, >, 8 * 1024 * 1024);

  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  start = g_get_monotonic_time ();
  sbom = cf_sbom_parse (bytes, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  g_test_message ("%u components, %" G_GSIZE_FORMAT " bytes: %.3f s",
                  n, g_bytes_get_size (bytes), seconds);

  g_assert_cmpuint (sbom->components->len, ==, n);
  g_assert_cmpuint (count_edges (sbom), ==, 2 * n);
  g_assert_cmpstr (((CfSbomComponent *) g_ptr_array_index (sbom->components, n - 1))->name, ==, "package-9999");
  /* The time is reported, not judged: tests/bench/sbom-import.sh does that. */
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sbom/formats", test_formats);
  g_test_add_func ("/sbom/limits", test_limits);
  g_test_add_func ("/sbom/hash-lookup", test_hash_lookup);
  g_test_add_func ("/sbom/cyclonedx/dropwizard", test_cyclonedx_dropwizard);
  g_test_add_func ("/sbom/cyclonedx/laravel", test_cyclonedx_laravel);
  g_test_add_func ("/sbom/cyclonedx/proton-bridge", test_cyclonedx_proton_bridge);
  g_test_add_func ("/sbom/cyclonedx/crafted", test_cyclonedx_crafted);
  g_test_add_func ("/sbom/spdx/2.2-appbomination", test_spdx22_appbomination);
  g_test_add_func ("/sbom/spdx/2.2-hello", test_spdx22_hello);
  g_test_add_func ("/sbom/spdx/2.3-crafted", test_spdx23_crafted);
  g_test_add_func ("/sbom/spdx/3.0-appbomination", test_spdx30_appbomination);
  g_test_add_func ("/sbom/spdx/3.0-crafted", test_spdx30_crafted);
  g_test_add_func ("/sbom/detect-from-content", test_detect_from_content);
  g_test_add_func ("/sbom/file-errors", test_file_errors);
  g_test_add_func ("/sbom/refuse/malformed-json", test_refuse_malformed_json);
  g_test_add_func ("/sbom/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/sbom/refuse/deep-json", test_refuse_deep_json);
  g_test_add_func ("/sbom/refuse/deep-xml", test_refuse_deep_xml);
  g_test_add_func ("/sbom/refuse/too-large", test_refuse_too_large);
  g_test_add_func ("/sbom/refuse/long-string", test_refuse_long_string);
  g_test_add_func ("/sbom/refuse/entities", test_refuse_entities);
  g_test_add_func ("/sbom/refuse/unsupported", test_refuse_unsupported);
  g_test_add_func ("/sbom/refuse/empty-and-garbage", test_refuse_empty_and_garbage);
  g_test_add_func ("/sbom/refuse/bad-shape", test_refuse_bad_shape);
  g_test_add_func ("/sbom/lenient-optional-fields", test_lenient_optional_fields);
  g_test_add_func ("/sbom/large", test_large);

  return g_test_run ();
}
