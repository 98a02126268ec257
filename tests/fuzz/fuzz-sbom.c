/* fuzz-sbom.c — one input through the SBOM readers (targets sbom-json,
 * sbom-xml and spdx: the same code, different seeds and dictionaries)
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cf-error.h"
#include "cf-sbom-check.h"
#include "cf-sbom-diff.h"
#include "cf-sbom.h"
#include "fuzz.h"

/* A stored string is NULL or trimmed, non-empty, valid UTF-8. */
static void
check_string (const char *text)
{
  gsize length;

  if (text == NULL)
    return;

  length = strlen (text);
  g_assert_true (length > 0);
  g_assert_true (g_utf8_validate (text, (gssize) length, NULL));
  g_assert_false (g_ascii_isspace (text[0]));
  g_assert_false (g_ascii_isspace (text[length - 1]));
}

static void
check_component (const CfSbomComponent *component)
{
  g_assert_nonnull (component->name);
  check_string (component->ref);
  check_string (component->name);
  check_string (component->version);
  check_string (component->type);
  check_string (component->supplier);
  check_string (component->author);
  check_string (component->purl);
  check_string (component->cpe);
  check_string (component->licences);
  check_string (component->filename);
  check_string (component->download);

  for (guint i = 0; i < component->hashes->len; i++)
    {
      const CfSbomHash *hash = g_ptr_array_index (component->hashes, i);

      g_assert_nonnull (hash->algorithm);
      g_assert_nonnull (hash->value);
      check_string (hash->algorithm);
      check_string (hash->value);
      g_assert_true (cf_sbom_component_get_hash (component, hash->algorithm) != NULL);
    }

  /* Listing a dependency means the dependencies are known. */
  g_assert_true (component->depends_on->len == 0 || component->dependencies_known);
  for (guint i = 0; i < component->depends_on->len; i++)
    {
      g_assert_nonnull (g_ptr_array_index (component->depends_on, i));
      check_string (g_ptr_array_index (component->depends_on, i));
    }
}

static void
check_sbom (const CfSbom *sbom)
{
  g_autofree char *description = cf_sbom_describe_format (sbom);

  g_assert_nonnull (cf_sbom_format_get_id (sbom->format));
  g_assert_nonnull (description);
  check_string (sbom->spec_version);
  check_string (sbom->serial);
  check_string (sbom->name);
  check_string (sbom->timestamp);
  check_string (sbom->creator);
  check_string (sbom->tools);
  check_string (sbom->subject_ref);
  check_string (sbom->subject_name);
  check_string (sbom->subject_version);

  for (guint i = 0; i < sbom->components->len; i++)
    check_component (g_ptr_array_index (sbom->components, i));
}

/* What `sbom check` and `sbom diff` make of what was read. */
static void
check_consumers (const CfSbom *sbom)
{
  g_autoptr(CfSbomCheck) check = cf_sbom_check (sbom);
  g_autoptr(GPtrArray) changes = cf_sbom_diff (sbom, sbom);

  g_assert_cmpuint (check->score, <=, 100);
  g_assert_cmpuint (check->n_required_met, <=, check->n_required_checks);
  g_assert_cmpuint (check->n_recommended_met, <=, check->n_recommended_checks);
  for (guint i = 0; i < check->findings->len; i++)
    {
      const CfSbomFinding *finding = g_ptr_array_index (check->findings, i);

      g_assert_nonnull (finding->id);
      g_assert_true (g_utf8_validate (finding->message, -1, NULL));
      g_assert_true (finding->component >= -1 &&
                     finding->component < (gint) sbom->components->len);
    }

  /* An SBOM has changed nothing against itself. */
  g_assert_cmpuint (changes->len, ==, 0);
}

static void
parse_once (GBytes             *bytes,
            const CfSbomLimits *limits)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSbom) sbom = cf_sbom_parse (bytes, limits, &error);

  /* Exactly one of an SBOM and an error, and only ours. */
  g_assert_true ((sbom == NULL) != (error == NULL));
  if (error != NULL)
    {
      g_assert_true (error->domain == CF_ERROR);
      g_assert_true (error->code == CF_ERROR_INVALID_INPUT || error->code == CF_ERROR_TOO_LARGE);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }

  check_sbom (sbom);
  check_consumers (sbom);
  if (limits != NULL)
    g_assert_cmpuint (sbom->components->len, <=, limits->max_components);
}

int
cf_fuzz_sbom (const guint8 *data,
              gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  CfSbomLimits tight;

  cf_fuzz_init ();

  parse_once (bytes, NULL);

  /* Small limits reach the refusals in the middle of a document. */
  cf_sbom_limits_init_default (&tight);
  tight.max_size = 64 * 1024;
  tight.max_depth = 6;
  tight.max_string = 64;
  tight.max_components = 4;
  parse_once (bytes, &tight);

  return 0;
}
