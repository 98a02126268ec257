/* test-sbom-check.c — the TR-03183-2 quality check and the SBOM diff
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cf-sbom-check.h"
#include "cf-sbom-diff.h"

/* SBOMs are built in memory, as a parser would fill them. */

static void
add_hash (CfSbomComponent *c,
          const char      *algorithm,
          const char      *value)
{
  CfSbomHash *hash = g_new0 (CfSbomHash, 1);

  hash->algorithm = g_strdup (algorithm);
  hash->value = g_strdup (value);
  g_ptr_array_add (c->hashes, hash);
}

static CfSbomComponent *
add_component (CfSbom     *sbom,
               const char *name,
               const char *version,
               const char *purl)
{
  CfSbomComponent *c = cf_sbom_component_new ();

  c->name = g_strdup (name);
  c->version = g_strdup (version);
  c->purl = g_strdup (purl);
  c->type = g_strdup ("library");
  g_ptr_array_add (sbom->components, c);

  return c;
}

/* Every field the check looks at, filled. */
static CfSbomComponent *
add_complete_component (CfSbom     *sbom,
                        const char *name,
                        const char *version)
{
  g_autofree char *purl = g_strdup_printf ("pkg:npm/%s@%s", name, version);
  CfSbomComponent *c = add_component (sbom, name, version, purl);

  c->ref = g_strdup_printf ("%s@%s", name, version);
  c->author = g_strdup ("OpenJS Foundation (https://openjsf.org)");
  c->supplier = g_strdup ("npm");
  c->licences = g_strdup ("MIT");
  c->filename = g_strdup_printf ("%s-%s.tgz", name, version);
  c->download = g_strdup_printf ("https://registry.npmjs.org/%s/-/%s-%s.tgz", name, name, version);
  add_hash (c, "SHA-256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  add_hash (c, "SHA-512", "ee26b0dd4af7e749aa1a8ee3c10ae9923f618980772e473f8819a5d4940e0db2"
                          "7ac185f8a0e1d5f84f88bc887fd67b143732c304cc5fa9ad8e6f57f50028a8ff");
  c->dependencies_known = TRUE;

  return c;
}

static CfSbom *
complete_sbom (CfSbomFormat format)
{
  CfSbom *sbom = cf_sbom_new (format);

  sbom->spec_version = g_strdup (format == CF_SBOM_FORMAT_CYCLONEDX_JSON ? "1.6" : "2.3");
  sbom->serial = g_strdup ("https://example.org/spdx/conformity-1.0");
  sbom->timestamp = g_strdup ("2026-01-15T10:00:00Z");
  sbom->creator = g_strdup ("Example GmbH (sbom@example.org)");
  sbom->subject_name = g_strdup ("Conformity");
  sbom->subject_version = g_strdup ("1.0");

  return sbom;
}

static guint
count_findings (const CfSbomCheck *check,
                const char        *id)
{
  guint n = 0;

  for (guint i = 0; i < check->findings->len; i++)
    n += g_strcmp0 (((CfSbomFinding *) g_ptr_array_index (check->findings, i))->id, id) == 0;

  return n;
}

static const CfSbomFinding *
find_finding (const CfSbomCheck *check,
              const char        *id)
{
  for (guint i = 0; i < check->findings->len; i++)
    {
      const CfSbomFinding *finding = g_ptr_array_index (check->findings, i);

      if (g_strcmp0 (finding->id, id) == 0)
        return finding;
    }

  return NULL;
}

static const CfSbomFieldSummary *
find_field (const CfSbomCheck *check,
            const char        *id)
{
  for (guint i = 0; i < check->fields->len; i++)
    {
      const CfSbomFieldSummary *field = g_ptr_array_index (check->fields, i);

      if (strcmp (field->id, id) == 0)
        return field;
    }

  return NULL;
}

/* The only finding is @id, at @level, about @component. */
static const CfSbomFinding *
assert_single_finding (const CfSbomCheck *check,
                       const char        *id,
                       CfSbomLevel        level,
                       gint               component)
{
  const CfSbomFinding *finding;

  if (check->findings->len != 1)
    for (guint i = 0; i < check->findings->len; i++)
      g_test_message ("finding: %s", ((CfSbomFinding *) g_ptr_array_index (check->findings, i))->id);
  g_assert_cmpuint (check->findings->len, ==, 1);
  finding = g_ptr_array_index (check->findings, 0);
  g_assert_cmpstr (finding->id, ==, id);
  g_assert_cmpint (finding->level, ==, level);
  g_assert_cmpint (finding->component, ==, component);
  g_assert_nonnull (finding->message);
  g_assert_cmpuint (check->score, <, 100);

  return finding;
}

static void
test_complete (void)
{
  g_autoptr(CfSbom) sbom = complete_sbom (CF_SBOM_FORMAT_SPDX_JSON);
  g_autoptr(CfSbomCheck) check = NULL;

  add_complete_component (sbom, "lodash", "4.17.21");
  check = cf_sbom_check (sbom);

  g_assert_cmpuint (check->findings->len, ==, 0);
  g_assert_cmpuint (check->score, ==, 100);
  /* SBOM: creator, timestamp, format version, components listed; each
   * component: name, version, creator, file name, licence, SHA-512,
   * dependencies. Recommended: creator's contact, URI, product; purl or
   * CPE and download location per component. */
  g_assert_cmpuint (check->n_required_checks, ==, 4 + 7);
  g_assert_cmpuint (check->n_required_met, ==, 4 + 7);
  g_assert_cmpuint (check->n_recommended_checks, ==, 3 + 2);
  g_assert_cmpuint (check->n_recommended_met, ==, 3 + 2);
}

typedef enum
{
  DROP_NAME,
  DROP_VERSION,
  DROP_CREATOR,
  DROP_FILENAME,
  DROP_LICENCE,
  DROP_HASHES,
  DROP_DEPENDENCIES,
  DROP_IDENTIFIER,
  DROP_DOWNLOAD,
} Drop;

static void
drop (CfSbomComponent *c,
      Drop             what)
{
  switch (what)
    {
    case DROP_NAME:
      g_free (c->name);
      c->name = g_strdup ("");
      break;
    case DROP_VERSION:
      g_clear_pointer (&c->version, g_free);
      break;
    case DROP_CREATOR:
      g_clear_pointer (&c->author, g_free);
      g_clear_pointer (&c->supplier, g_free);
      break;
    case DROP_FILENAME:
      g_clear_pointer (&c->filename, g_free);
      break;
    case DROP_LICENCE:
      g_clear_pointer (&c->licences, g_free);
      break;
    case DROP_HASHES:
      g_ptr_array_set_size (c->hashes, 0);
      break;
    case DROP_DEPENDENCIES:
      c->dependencies_known = FALSE;
      break;
    case DROP_IDENTIFIER:
      g_clear_pointer (&c->purl, g_free);
      g_clear_pointer (&c->cpe, g_free);
      break;
    case DROP_DOWNLOAD:
      g_clear_pointer (&c->download, g_free);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Each missing field gives exactly its own finding, at its level, on the
 * right component (the second of two), naming it. */
static void
test_missing_component_fields (void)
{
  static const struct
  {
    Drop         drop;
    const char  *id;
    CfSbomLevel  level;
    const char  *named;
  } cases[] = {
    { DROP_NAME,         "component.name",         CF_SBOM_LEVEL_REQUIRED,    "lodash@4.17.21" },
    { DROP_VERSION,      "component.version",      CF_SBOM_LEVEL_REQUIRED,    "lodash has no version" },
    { DROP_CREATOR,      "component.creator",      CF_SBOM_LEVEL_REQUIRED,    "lodash 4.17.21" },
    { DROP_FILENAME,     "component.filename",     CF_SBOM_LEVEL_REQUIRED,    "lodash 4.17.21" },
    { DROP_LICENCE,      "component.licence",      CF_SBOM_LEVEL_REQUIRED,    "lodash 4.17.21" },
    { DROP_HASHES,       "component.hash-sha512",  CF_SBOM_LEVEL_REQUIRED,    "lodash 4.17.21 has no SHA-512 hash" },
    { DROP_DEPENDENCIES, "component.dependencies", CF_SBOM_LEVEL_REQUIRED,    "lodash 4.17.21" },
    { DROP_IDENTIFIER,   "component.identifier",   CF_SBOM_LEVEL_RECOMMENDED, "lodash 4.17.21" },
    { DROP_DOWNLOAD,     "component.download",     CF_SBOM_LEVEL_RECOMMENDED, "lodash 4.17.21" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CfSbom) sbom = complete_sbom (CF_SBOM_FORMAT_SPDX_JSON);
      g_autoptr(CfSbomCheck) check = NULL;
      const CfSbomFinding *finding;
      const CfSbomFieldSummary *field;

      add_complete_component (sbom, "zlib", "1.3.1");
      drop (add_complete_component (sbom, "lodash", "4.17.21"), cases[i].drop);
      check = cf_sbom_check (sbom);

      g_test_message ("dropped %s", cases[i].id);
      finding = assert_single_finding (check, cases[i].id, cases[i].level, 1);
      g_assert_nonnull (strstr (finding->message, cases[i].named));

      field = find_field (check, cases[i].id);
      g_assert_nonnull (field);
      g_assert_cmpint (field->level, ==, cases[i].level);
      g_assert_cmpuint (field->checked, ==, 2);
      g_assert_cmpuint (field->met, ==, 1);
    }
}

static void
test_creator_fallback (void)
{
  g_autoptr(CfSbom) sbom = complete_sbom (CF_SBOM_FORMAT_SPDX_JSON);
  g_autoptr(CfSbomCheck) check = NULL;
  CfSbomComponent *c = add_complete_component (sbom, "lodash", "4.17.21");

  /* The supplier stands in for a missing author. */
  g_clear_pointer (&c->author, g_free);
  check = cf_sbom_check (sbom);
  g_assert_cmpuint (check->findings->len, ==, 0);
}

static void
test_sha256_only (void)
{
  g_autoptr(CfSbom) sbom = complete_sbom (CF_SBOM_FORMAT_SPDX_JSON);
  g_autoptr(CfSbomCheck) check = NULL;
  CfSbomComponent *c = add_complete_component (sbom, "lodash", "4.17.21");
  const CfSbomFinding *finding;

  g_ptr_array_set_size (c->hashes, 0);
  add_hash (c, "SHA-256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  check = cf_sbom_check (sbom);

  finding = assert_single_finding (check, "component.hash-sha512", CF_SBOM_LEVEL_REQUIRED, 0);
  g_assert_nonnull (strstr (finding->message, "lodash 4.17.21"));
  g_assert_nonnull (strstr (finding->message, "SHA-512"));
  g_assert_nonnull (strstr (finding->message, "SHA-256"));
}

/* Unknown values as generators write them are not values. */
static void
test_noassertion (void)
{
  g_autoptr(CfSbom) sbom = complete_sbom (CF_SBOM_FORMAT_SPDX_JSON);
  g_autoptr(CfSbomCheck) check = NULL;
  CfSbomComponent *c = add_complete_component (sbom, "lodash", "4.17.21");

  g_free (c->licences);
  c->licences = g_strdup ("NOASSERTION");
  check = cf_sbom_check (sbom);
  assert_single_finding (check, "component.licence", CF_SBOM_LEVEL_REQUIRED, 0);

  g_clear_pointer (&check, cf_sbom_check_free);
  g_free (c->licences);
  c->licences = g_strdup ("  ");
  check = cf_sbom_check (sbom);
  assert_single_finding (check, "component.licence", CF_SBOM_LEVEL_REQUIRED, 0);
}

static void
test_timestamp (void)
{
  static const char * const malformed[] = { "yesterday", "2026-13-01T10:00:00Z", "2026-01-15", "15.01.2026 10:00" };
  static const char * const accepted[] = { "2026-01-15T10:00:00+01:00", "2026-01-15T10:00:00.123Z", "2026-01-15T10:00:00" };
  g_autoptr(CfSbom) sbom = complete_sbom (CF_SBOM_FORMAT_SPDX_JSON);
  const CfSbomFinding *finding;

  add_complete_component (sbom, "lodash", "4.17.21");

  g_clear_pointer (&sbom->timestamp, g_free);
  {
    g_autoptr(CfSbomCheck) check = cf_sbom_check (sbom);

    finding = assert_single_finding (check, "sbom.timestamp", CF_SBOM_LEVEL_REQUIRED, -1);
    g_assert_nonnull (strstr (finding->message, "no timestamp"));
  }

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(CfSbomCheck) check = NULL;

      g_free (sbom->timestamp);
      sbom->timestamp = g_strdup (malformed[i]);
      check = cf_sbom_check (sbom);
      finding = assert_single_finding (check, "sbom.timestamp", CF_SBOM_LEVEL_REQUIRED, -1);
      g_assert_nonnull (strstr (finding->message, malformed[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(CfSbomCheck) check = NULL;

      g_free (sbom->timestamp);
      sbom->timestamp = g_strdup (accepted[i]);
      check = cf_sbom_check (sbom);
      g_assert_cmpuint (check->findings->len, ==, 0);
    }
}

static void
test_creator (void)
{
  g_autoptr(CfSbom) sbom = complete_sbom (CF_SBOM_FORMAT_SPDX_JSON);
  const CfSbomFinding *finding;

  add_complete_component (sbom, "lodash", "4.17.21");

  g_clear_pointer (&sbom->creator, g_free);
  {
    g_autoptr(CfSbomCheck) check = cf_sbom_check (sbom);

    /* No creator: the contact is not checked on top. */
    assert_single_finding (check, "sbom.creator", CF_SBOM_LEVEL_REQUIRED, -1);
    g_assert_cmpuint (find_field (check, "sbom.creator-contact")->checked, ==, 0);
  }

  /* A name alone meets the field; the missing contact is recommended. */
  sbom->creator = g_strdup ("Example GmbH");
  {
    g_autoptr(CfSbomCheck) check = cf_sbom_check (sbom);

    finding = assert_single_finding (check, "sbom.creator-contact", CF_SBOM_LEVEL_RECOMMENDED, -1);
    g_assert_nonnull (strstr (finding->message, "Example GmbH"));
    g_assert_cmpuint (find_field (check, "sbom.creator")->met, ==, 1);
  }

  g_free (sbom->creator);
  sbom->creator = g_strdup ("Example GmbH (https://example.org)");
  {
    g_autoptr(CfSbomCheck) check = cf_sbom_check (sbom);

    g_assert_cmpuint (check->findings->len, ==, 0);
  }
}

static void
test_sbom_recommended (void)
{
  g_autoptr(CfSbom) sbom = complete_sbom (CF_SBOM_FORMAT_SPDX_JSON);

  add_complete_component (sbom, "lodash", "4.17.21");

  g_clear_pointer (&sbom->serial, g_free);
  {
    g_autoptr(CfSbomCheck) check = cf_sbom_check (sbom);

    assert_single_finding (check, "sbom.serial", CF_SBOM_LEVEL_RECOMMENDED, -1);
  }
  sbom->serial = g_strdup ("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79");
  g_clear_pointer (&sbom->subject_name, g_free);
  {
    g_autoptr(CfSbomCheck) check = cf_sbom_check (sbom);

    assert_single_finding (check, "sbom.subject", CF_SBOM_LEVEL_RECOMMENDED, -1);
  }
}

/* TR-03183-2 2.0.0 wants CycloneDX 1.5+ or SPDX 2.2.1+. Only SPDX 2 has a
 * file name field, so CycloneDX and SPDX 3 SBOMs are not held to one. */
static void
test_format (void)
{
  g_autoptr(CfSbom) sbom = complete_sbom (CF_SBOM_FORMAT_CYCLONEDX_JSON);
  CfSbomComponent *c = add_complete_component (sbom, "lodash", "4.17.21");
  const CfSbomFinding *finding;

  g_clear_pointer (&c->filename, g_free);
  {
    g_autoptr(CfSbomCheck) check = cf_sbom_check (sbom);

    g_assert_cmpuint (check->findings->len, ==, 0);
    g_assert_cmpuint (check->score, ==, 100);
    g_assert_cmpuint (find_field (check, "component.filename")->checked, ==, 0);
  }

  g_free (sbom->spec_version);
  sbom->spec_version = g_strdup ("1.4");
  {
    g_autoptr(CfSbomCheck) check = cf_sbom_check (sbom);

    finding = assert_single_finding (check, "sbom.format-version", CF_SBOM_LEVEL_REQUIRED, -1);
    g_assert_nonnull (strstr (finding->message, "1.4"));
  }

  sbom->format = CF_SBOM_FORMAT_SPDX_JSON;
  g_free (sbom->spec_version);
  sbom->spec_version = g_strdup ("2.2");
  c->filename = g_strdup ("lodash-4.17.21.tgz");
  {
    g_autoptr(CfSbomCheck) check = cf_sbom_check (sbom);

    g_assert_cmpuint (check->findings->len, ==, 0);
  }
  g_free (sbom->spec_version);
  sbom->spec_version = g_strdup ("2.1");
  {
    g_autoptr(CfSbomCheck) check = cf_sbom_check (sbom);

    assert_single_finding (check, "sbom.format-version", CF_SBOM_LEVEL_REQUIRED, -1);
  }

  sbom->format = CF_SBOM_FORMAT_SPDX3_JSONLD;
  g_free (sbom->spec_version);
  sbom->spec_version = g_strdup ("3.0");
  g_clear_pointer (&c->filename, g_free);
  {
    g_autoptr(CfSbomCheck) check = cf_sbom_check (sbom);

    g_assert_cmpuint (check->findings->len, ==, 0);
    g_assert_cmpuint (find_field (check, "component.filename")->checked, ==, 0);
  }
}

static void
test_no_components (void)
{
  g_autoptr(CfSbom) sbom = complete_sbom (CF_SBOM_FORMAT_SPDX_JSON);
  g_autoptr(CfSbomCheck) check = cf_sbom_check (sbom);

  assert_single_finding (check, "sbom.components", CF_SBOM_LEVEL_REQUIRED, -1);
  /* Only SBOM-level checks: 4 required (3 met), 3 recommended (all met):
   * ⌊100 × (2 × 3 + 3) / (2 × 4 + 3)⌋ = ⌊900 / 11⌋ = 81. */
  g_assert_cmpuint (check->n_required_checks, ==, 4);
  g_assert_cmpuint (check->n_required_met, ==, 3);
  g_assert_cmpuint (check->n_recommended_checks, ==, 3);
  g_assert_cmpuint (check->n_recommended_met, ==, 3);
  g_assert_cmpuint (check->score, ==, 81);
  g_assert_cmpuint (find_field (check, "component.name")->checked, ==, 0);
}

static void
test_summaries_and_score (void)
{
  g_autoptr(CfSbom) sbom = complete_sbom (CF_SBOM_FORMAT_SPDX_JSON);
  g_autoptr(CfSbomCheck) check = NULL;
  CfSbomComponent *b, *c;
  static const char * const order[] = {
    "sbom.creator", "sbom.creator-contact", "sbom.timestamp", "sbom.format-version",
    "sbom.serial", "sbom.subject", "sbom.components",
    "component.name", "component.version", "component.creator", "component.filename",
    "component.licence", "component.hash-sha512", "component.dependencies",
    "component.identifier", "component.download",
  };

  add_complete_component (sbom, "a", "1");
  b = add_complete_component (sbom, "b", "1");
  c = add_complete_component (sbom, "c", "1");
  /* b: SHA-256 only, no purl or CPE. c: no version, licence or download. */
  g_ptr_array_remove_index (b->hashes, 1);
  drop (b, DROP_IDENTIFIER);
  drop (c, DROP_VERSION);
  drop (c, DROP_LICENCE);
  drop (c, DROP_DOWNLOAD);
  check = cf_sbom_check (sbom);

  g_assert_cmpuint (check->fields->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const CfSbomFieldSummary *field = g_ptr_array_index (check->fields, i);

      g_assert_cmpstr (field->id, ==, order[i]);
      g_assert_nonnull (field->label);
      g_assert_cmpstr (field->label, !=, "");
    }

  g_assert_cmpuint (find_field (check, "sbom.timestamp")->checked, ==, 1);
  g_assert_cmpuint (find_field (check, "sbom.timestamp")->met, ==, 1);
  g_assert_cmpuint (find_field (check, "component.name")->checked, ==, 3);
  g_assert_cmpuint (find_field (check, "component.name")->met, ==, 3);
  g_assert_cmpuint (find_field (check, "component.hash-sha512")->checked, ==, 3);
  g_assert_cmpuint (find_field (check, "component.hash-sha512")->met, ==, 2);
  g_assert_cmpuint (find_field (check, "component.version")->met, ==, 2);
  g_assert_cmpuint (find_field (check, "component.licence")->met, ==, 2);
  g_assert_cmpuint (find_field (check, "component.identifier")->met, ==, 2);
  g_assert_cmpuint (find_field (check, "component.download")->met, ==, 2);

  /* Required: 4 SBOM-level + 7 × 3 components = 25 checks, 3 missed
   * (b's SHA-512, c's version and licence): 22 met. Recommended: 3 + 2 × 3
   * = 9, 2 missed (b's purl, c's download): 7 met.
   * Score ⌊100 × (2 × 22 + 7) / (2 × 25 + 9)⌋ = ⌊5100 / 59⌋ = 86. */
  g_assert_cmpuint (check->n_required_checks, ==, 25);
  g_assert_cmpuint (check->n_required_met, ==, 22);
  g_assert_cmpuint (check->n_recommended_checks, ==, 9);
  g_assert_cmpuint (check->n_recommended_met, ==, 7);
  g_assert_cmpuint (check->score, ==, 86);

  /* Findings follow the components, each field in the table's order. */
  g_assert_cmpuint (check->findings->len, ==, 5);
  {
    static const struct { const char *id; gint component; } expected[] = {
      { "component.hash-sha512", 1 },
      { "component.identifier",  1 },
      { "component.version",     2 },
      { "component.licence",     2 },
      { "component.download",    2 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        const CfSbomFinding *finding = g_ptr_array_index (check->findings, i);

        g_assert_cmpstr (finding->id, ==, expected[i].id);
        g_assert_cmpint (finding->component, ==, expected[i].component);
      }
  }
}

/* Nothing filled anywhere: every check fails, and the SBOM-level findings
 * come first. */
static void
test_everything_missing (void)
{
  g_autoptr(CfSbom) sbom = cf_sbom_new (CF_SBOM_FORMAT_SPDX_JSON);
  g_autoptr(CfSbomCheck) check = NULL;
  const guint n = 10000;

  for (guint i = 0; i < n; i++)
    {
      CfSbomComponent *c = cf_sbom_component_new ();

      c->name = g_strdup_printf ("component-%u", i);
      g_ptr_array_add (sbom->components, c);
    }
  check = cf_sbom_check (sbom);

  /* SBOM: creator, timestamp, URI, product (format version and the
   * creator's contact are not checked without a value to check). Each
   * component: all but its name. */
  g_assert_cmpuint (check->findings->len, ==, 4 + 8 * n);
  g_assert_cmpuint (count_findings (check, "component.hash-sha512"), ==, n);
  g_assert_cmpint (((CfSbomFinding *) g_ptr_array_index (check->findings, 3))->component, ==, -1);
  g_assert_cmpint (((CfSbomFinding *) g_ptr_array_index (check->findings, 4))->component, ==, 0);
  g_assert_cmpint (((CfSbomFinding *) g_ptr_array_index (check->findings, check->findings->len - 1))->component,
                   ==, (gint) n - 1);
  g_assert_nonnull (strstr (find_finding (check, "component.version")->message, "component-0"));
  /* Only names and the number of components met. */
  g_assert_cmpuint (check->n_required_met, ==, 1 + n);
  g_assert_cmpuint (check->score, <, 20);
}

/* Diff */

static const CfSbomChange *
change_at (GPtrArray *changes,
           guint      i)
{
  return g_ptr_array_index (changes, i);
}

static void
assert_change (GPtrArray        *changes,
               guint             i,
               CfSbomChangeKind  kind,
               const char       *old_version,
               const char       *new_version)
{
  const CfSbomChange *change = change_at (changes, i);

  g_assert_cmpint (change->kind, ==, kind);
  if (old_version == NULL)
    g_assert_null (change->old_component);
  else
    g_assert_cmpstr (change->old_component->version, ==, old_version);
  if (new_version == NULL)
    g_assert_null (change->new_component);
  else
    g_assert_cmpstr (change->new_component->version, ==, new_version);
}

static const char *
change_name (GPtrArray *changes,
             guint      i)
{
  const CfSbomChange *change = change_at (changes, i);

  return change->new_component != NULL ? change->new_component->name : change->old_component->name;
}

static void
test_diff_kinds (void)
{
  g_autoptr(CfSbom) old_sbom = cf_sbom_new (CF_SBOM_FORMAT_SPDX_JSON);
  g_autoptr(CfSbom) new_sbom = cf_sbom_new (CF_SBOM_FORMAT_SPDX_JSON);
  g_autoptr(GPtrArray) changes = NULL;

  add_component (old_sbom, "same", "1.0", "pkg:npm/same@1.0");
  add_component (old_sbom, "bumped", "1.0", "pkg:npm/bumped@1.0");
  add_component (old_sbom, "gone", "1.0", "pkg:npm/gone@1.0");
  add_component (new_sbom, "new", "3.0", "pkg:npm/new@3.0");
  add_component (new_sbom, "bumped", "1.1", "pkg:npm/bumped@1.1");
  add_component (new_sbom, "same", "1.0", "pkg:npm/same@1.0");
  changes = cf_sbom_diff (old_sbom, new_sbom);

  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpstr (change_name (changes, 0), ==, "bumped");
  assert_change (changes, 0, CF_SBOM_CHANGE_VERSION_CHANGED, "1.0", "1.1");
  g_assert_cmpstr (change_name (changes, 1), ==, "gone");
  assert_change (changes, 1, CF_SBOM_CHANGE_REMOVED, "1.0", NULL);
  g_assert_cmpstr (change_name (changes, 2), ==, "new");
  assert_change (changes, 2, CF_SBOM_CHANGE_ADDED, NULL, "3.0");
  /* Borrowed, not copied. */
  g_assert_true (change_at (changes, 1)->old_component == g_ptr_array_index (old_sbom->components, 2));
}

static void
test_diff_by_purl (void)
{
  g_autoptr(CfSbom) old_sbom = cf_sbom_new (CF_SBOM_FORMAT_CYCLONEDX_JSON);
  g_autoptr(CfSbom) new_sbom = cf_sbom_new (CF_SBOM_FORMAT_SPDX_JSON);
  g_autoptr(GPtrArray) changes = NULL;

  /* Renamed between two generators, same purl: one component. */
  add_component (old_sbom, "Lodash", "4.17.20", "pkg:npm/lodash@4.17.20");
  add_component (new_sbom, "lodash (npm)", "4.17.21", "pkg:npm/lodash@4.17.21");
  /* Qualifiers and the type's case do not separate packages; a scoped
   * npm name keeps its scope. */
  add_component (old_sbom, "curl", "7.88.1", "pkg:deb/debian/curl@7.88.1?arch=amd64");
  add_component (new_sbom, "curl", "7.88.1-10", "pkg:DEB/debian/curl@7.88.1-10?arch=amd64&distro=bookworm");
  add_component (old_sbom, "core", "16.0.0", "pkg:npm/%40angular/core@16.0.0");
  add_component (new_sbom, "core", "17.0.0", "pkg:npm/%40angular/core@17.0.0");
  /* Same name, different purls: two different packages. */
  add_component (old_sbom, "six", "1.0", "pkg:pypi/six@1.0");
  add_component (new_sbom, "six", "1.0", "pkg:npm/six@1.0");
  changes = cf_sbom_diff (old_sbom, new_sbom);

  g_assert_cmpuint (changes->len, ==, 5);
  g_assert_cmpstr (change_name (changes, 0), ==, "core");
  assert_change (changes, 0, CF_SBOM_CHANGE_VERSION_CHANGED, "16.0.0", "17.0.0");
  g_assert_cmpstr (change_name (changes, 1), ==, "curl");
  assert_change (changes, 1, CF_SBOM_CHANGE_VERSION_CHANGED, "7.88.1", "7.88.1-10");
  g_assert_cmpstr (change_name (changes, 2), ==, "lodash (npm)");
  assert_change (changes, 2, CF_SBOM_CHANGE_VERSION_CHANGED, "4.17.20", "4.17.21");
  g_assert_cmpstr (change_at (changes, 2)->old_component->name, ==, "Lodash");
  g_assert_cmpstr (change_name (changes, 3), ==, "six");
  assert_change (changes, 3, CF_SBOM_CHANGE_ADDED, NULL, "1.0");
  g_assert_cmpstr (change_at (changes, 3)->new_component->purl, ==, "pkg:npm/six@1.0");
  assert_change (changes, 4, CF_SBOM_CHANGE_REMOVED, "1.0", NULL);
}

static void
test_diff_by_name (void)
{
  g_autoptr(CfSbom) old_sbom = cf_sbom_new (CF_SBOM_FORMAT_SPDX_JSON);
  g_autoptr(CfSbom) new_sbom = cf_sbom_new (CF_SBOM_FORMAT_SPDX_JSON);
  g_autoptr(GPtrArray) changes = NULL;
  CfSbomComponent *c;

  /* No purls: (type, supplier, name). */
  c = add_component (old_sbom, "libfoo", "1.0", NULL);
  c->supplier = g_strdup ("Foo Inc.");
  c = add_component (new_sbom, "libfoo", "1.1", NULL);
  c->supplier = g_strdup ("Foo Inc.");
  /* Another supplier's libbar is another component. */
  c = add_component (old_sbom, "libbar", "2.0", NULL);
  c->supplier = g_strdup ("Bar Ltd");
  c = add_component (new_sbom, "libbar", "2.0", NULL);
  c->supplier = g_strdup ("Other Ltd");
  /* A purl appearing in the new SBOM does not break the match. */
  add_component (old_sbom, "libbaz", "3.0", NULL);
  add_component (new_sbom, "libbaz", "3.1", "pkg:generic/libbaz@3.1");
  changes = cf_sbom_diff (old_sbom, new_sbom);

  g_assert_cmpuint (changes->len, ==, 4);
  g_assert_cmpstr (change_name (changes, 0), ==, "libbar");
  assert_change (changes, 0, CF_SBOM_CHANGE_ADDED, NULL, "2.0");
  g_assert_cmpstr (change_at (changes, 0)->new_component->supplier, ==, "Other Ltd");
  g_assert_cmpstr (change_name (changes, 1), ==, "libbar");
  assert_change (changes, 1, CF_SBOM_CHANGE_REMOVED, "2.0", NULL);
  g_assert_cmpstr (change_name (changes, 2), ==, "libbaz");
  assert_change (changes, 2, CF_SBOM_CHANGE_VERSION_CHANGED, "3.0", "3.1");
  g_assert_cmpstr (change_name (changes, 3), ==, "libfoo");
  assert_change (changes, 3, CF_SBOM_CHANGE_VERSION_CHANGED, "1.0", "1.1");
}

static void
test_diff_duplicates (void)
{
  /* Two versions on each side, one shared: the shared one is unchanged,
   * the others pair as a version change. */
  {
    g_autoptr(CfSbom) old_sbom = cf_sbom_new (CF_SBOM_FORMAT_SPDX_JSON);
    g_autoptr(CfSbom) new_sbom = cf_sbom_new (CF_SBOM_FORMAT_SPDX_JSON);
    g_autoptr(GPtrArray) changes = NULL;

    add_component (old_sbom, "openssl", "1.1.1", "pkg:deb/debian/openssl@1.1.1");
    add_component (old_sbom, "openssl", "3.0.11", "pkg:deb/debian/openssl@3.0.11");
    add_component (new_sbom, "openssl", "3.0.11", "pkg:deb/debian/openssl@3.0.11");
    add_component (new_sbom, "openssl", "3.0.13", "pkg:deb/debian/openssl@3.0.13");
    changes = cf_sbom_diff (old_sbom, new_sbom);

    g_assert_cmpuint (changes->len, ==, 1);
    assert_change (changes, 0, CF_SBOM_CHANGE_VERSION_CHANGED, "1.1.1", "3.0.13");
  }

  /* The same two versions in another order: nothing changed. */
  {
    g_autoptr(CfSbom) old_sbom = cf_sbom_new (CF_SBOM_FORMAT_SPDX_JSON);
    g_autoptr(CfSbom) new_sbom = cf_sbom_new (CF_SBOM_FORMAT_SPDX_JSON);
    g_autoptr(GPtrArray) changes = NULL;

    add_component (old_sbom, "zlib", "1.2", NULL);
    add_component (old_sbom, "zlib", "1.3", NULL);
    add_component (new_sbom, "zlib", "1.3", NULL);
    add_component (new_sbom, "zlib", "1.2", NULL);
    changes = cf_sbom_diff (old_sbom, new_sbom);

    g_assert_cmpuint (changes->len, ==, 0);
  }

  /* Three old, one new: the first pairs, in order; the rest are removed. */
  {
    g_autoptr(CfSbom) old_sbom = cf_sbom_new (CF_SBOM_FORMAT_SPDX_JSON);
    g_autoptr(CfSbom) new_sbom = cf_sbom_new (CF_SBOM_FORMAT_SPDX_JSON);
    g_autoptr(GPtrArray) changes = NULL;

    add_component (old_sbom, "zlib", "1.1", NULL);
    add_component (old_sbom, "zlib", "1.2", NULL);
    add_component (old_sbom, "zlib", "1.3", NULL);
    add_component (new_sbom, "zlib", "1.4", NULL);
    changes = cf_sbom_diff (old_sbom, new_sbom);

    g_assert_cmpuint (changes->len, ==, 3);
    assert_change (changes, 0, CF_SBOM_CHANGE_REMOVED, "1.2", NULL);
    assert_change (changes, 1, CF_SBOM_CHANGE_REMOVED, "1.3", NULL);
    assert_change (changes, 2, CF_SBOM_CHANGE_VERSION_CHANGED, "1.1", "1.4");
  }
}

/* By case-folded name, whatever the locale; then added, removed, changed. */
static void
test_diff_sorting (void)
{
  g_autoptr(CfSbom) old_sbom = cf_sbom_new (CF_SBOM_FORMAT_SPDX_JSON);
  g_autoptr(CfSbom) new_sbom = cf_sbom_new (CF_SBOM_FORMAT_SPDX_JSON);
  g_autoptr(GPtrArray) changes = NULL;
  static const char * const names[] = { "alpha", "Alpha", "beta", "Beta", "gamma" };
  static const CfSbomChangeKind kinds[] = {
    CF_SBOM_CHANGE_ADDED, CF_SBOM_CHANGE_REMOVED, CF_SBOM_CHANGE_ADDED,
    CF_SBOM_CHANGE_VERSION_CHANGED, CF_SBOM_CHANGE_ADDED,
  };

  add_component (new_sbom, "gamma", "1", "pkg:npm/gamma@1");
  add_component (old_sbom, "Beta", "1", "pkg:npm/Beta@1");
  add_component (new_sbom, "Beta", "2", "pkg:npm/Beta@2");
  add_component (new_sbom, "beta", "1", "pkg:npm/beta@1");
  add_component (new_sbom, "alpha", "1", "pkg:npm/alpha@1");
  add_component (old_sbom, "Alpha", "1", "pkg:npm/Alpha@1");
  changes = cf_sbom_diff (old_sbom, new_sbom);

  g_assert_cmpuint (changes->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (change_name (changes, i), ==, names[i]);
      g_assert_cmpint (change_at (changes, i)->kind, ==, kinds[i]);
    }

  /* Same name: added, then removed, then changed. */
  {
    g_autoptr(CfSbom) a = cf_sbom_new (CF_SBOM_FORMAT_SPDX_JSON);
    g_autoptr(CfSbom) b = cf_sbom_new (CF_SBOM_FORMAT_SPDX_JSON);
    g_autoptr(GPtrArray) same = NULL;

    add_component (a, "x", "1", "pkg:npm/x@1");
    add_component (a, "x", "1", "pkg:pypi/x@1");
    add_component (b, "x", "2", "pkg:npm/x@2");
    add_component (b, "x", "1", "pkg:cargo/x@1");
    same = cf_sbom_diff (a, b);

    g_assert_cmpuint (same->len, ==, 3);
    g_assert_cmpint (change_at (same, 0)->kind, ==, CF_SBOM_CHANGE_ADDED);
    g_assert_cmpint (change_at (same, 1)->kind, ==, CF_SBOM_CHANGE_REMOVED);
    g_assert_cmpint (change_at (same, 2)->kind, ==, CF_SBOM_CHANGE_VERSION_CHANGED);
  }
}

static void
test_diff_empty (void)
{
  g_autoptr(CfSbom) old_sbom = cf_sbom_new (CF_SBOM_FORMAT_SPDX_JSON);
  g_autoptr(CfSbom) new_sbom = cf_sbom_new (CF_SBOM_FORMAT_CYCLONEDX_XML);
  g_autoptr(GPtrArray) changes = cf_sbom_diff (old_sbom, new_sbom);
  g_autoptr(GPtrArray) all_added = NULL;

  g_assert_cmpuint (changes->len, ==, 0);

  add_component (new_sbom, "zlib", "1.3", NULL);
  all_added = cf_sbom_diff (old_sbom, new_sbom);
  g_assert_cmpuint (all_added->len, ==, 1);
  assert_change (all_added, 0, CF_SBOM_CHANGE_ADDED, NULL, "1.3");
}

/* Ten thousand on each side: a tenth bumped, a tenth replaced. */
static void
test_diff_large (void)
{
  g_autoptr(CfSbom) old_sbom = cf_sbom_new (CF_SBOM_FORMAT_CYCLONEDX_JSON);
  g_autoptr(CfSbom) new_sbom = cf_sbom_new (CF_SBOM_FORMAT_CYCLONEDX_JSON);
  g_autoptr(GPtrArray) changes = NULL;
  const guint n = 10000;
  guint counts[3] = { 0, 0, 0 };

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("pkg%05u", i);
      g_autofree char *old_purl = g_strdup_printf ("pkg:npm/%s@1.0.0", name);
      g_autofree char *new_purl = NULL;
      g_autofree char *new_name = NULL;

      add_component (old_sbom, name, "1.0.0", old_purl);
      if (i % 10 == 1)
        {
          new_purl = g_strdup_printf ("pkg:npm/%s@1.0.1", name);
          add_component (new_sbom, name, "1.0.1", new_purl);
        }
      else if (i % 10 == 2)
        {
          new_name = g_strdup_printf ("new%05u", i);
          new_purl = g_strdup_printf ("pkg:npm/%s@1.0.0", new_name);
          add_component (new_sbom, new_name, "1.0.0", new_purl);
        }
      else
        add_component (new_sbom, name, "1.0.0", old_purl);
    }
  changes = cf_sbom_diff (old_sbom, new_sbom);

  for (guint i = 0; i < changes->len; i++)
    counts[change_at (changes, i)->kind]++;
  g_assert_cmpuint (counts[CF_SBOM_CHANGE_ADDED], ==, n / 10);
  g_assert_cmpuint (counts[CF_SBOM_CHANGE_REMOVED], ==, n / 10);
  g_assert_cmpuint (counts[CF_SBOM_CHANGE_VERSION_CHANGED], ==, n / 10);
  /* "new…" sorts after every "pkg…". */
  g_assert_cmpint (change_at (changes, 0)->kind, ==, CF_SBOM_CHANGE_ADDED);
  g_assert_cmpstr (change_name (changes, 0), ==, "new00002");
  g_assert_cmpstr (change_name (changes, changes->len - 1), ==, "pkg09992");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sbom-check/complete", test_complete);
  g_test_add_func ("/sbom-check/missing-component-fields", test_missing_component_fields);
  g_test_add_func ("/sbom-check/creator-fallback", test_creator_fallback);
  g_test_add_func ("/sbom-check/sha256-only", test_sha256_only);
  g_test_add_func ("/sbom-check/noassertion", test_noassertion);
  g_test_add_func ("/sbom-check/timestamp", test_timestamp);
  g_test_add_func ("/sbom-check/creator", test_creator);
  g_test_add_func ("/sbom-check/sbom-recommended", test_sbom_recommended);
  g_test_add_func ("/sbom-check/format", test_format);
  g_test_add_func ("/sbom-check/no-components", test_no_components);
  g_test_add_func ("/sbom-check/summaries-and-score", test_summaries_and_score);
  g_test_add_func ("/sbom-check/everything-missing", test_everything_missing);
  g_test_add_func ("/sbom-diff/kinds", test_diff_kinds);
  g_test_add_func ("/sbom-diff/by-purl", test_diff_by_purl);
  g_test_add_func ("/sbom-diff/by-name", test_diff_by_name);
  g_test_add_func ("/sbom-diff/duplicates", test_diff_duplicates);
  g_test_add_func ("/sbom-diff/sorting", test_diff_sorting);
  g_test_add_func ("/sbom-diff/empty", test_diff_empty);
  g_test_add_func ("/sbom-diff/large", test_diff_large);

  return g_test_run ();
}
