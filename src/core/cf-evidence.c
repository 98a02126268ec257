/* cf-evidence.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-evidence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "cf-error.h"
#include "cf-evidence.h"
#include "cf-field.h"

#define MAX_TITLE 200

static const struct {
  const char *id;
  const char *label;
} kinds[] = {
  { "test-report", N_("Test report") },
  { "design-document", N_("Design document") },
  { "policy", N_("Policy") },
  { "penetration-test", N_("Penetration test") },
  { "sbom", N_("Software bill of materials") },
  { "certificate", N_("Certificate") },
  { "screenshot", N_("Screenshot") },
  { "other", N_("Other") },
};

/**
 * cf_evidence_kind_list:
 *
 * Returns: (transfer none): the kind ids, in the order to offer them
 */
const char * const *
cf_evidence_kind_list (void)
{
  static const char *ids[G_N_ELEMENTS (kinds) + 1];

  if (ids[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      ids[i] = kinds[i].id;

  return ids;
}

gboolean
cf_evidence_kind_is_valid (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].id, kind) == 0)
      return TRUE;

  return FALSE;
}

const char *
cf_evidence_kind_get_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].id, kind) == 0)
      return _(kinds[i].label);

  return kind;
}

/**
 * cf_evidence_kind_guess:
 *
 * A first guess at the kind of a file, for the user to correct: SBOMs by
 * their usual names, images as screenshots.
 *
 * Returns: a kind id
 */
const char *
cf_evidence_kind_guess (const char *file_name,
                        const char *media_type)
{
  g_autofree char *name = g_utf8_strdown (file_name ?: "", -1);

  if (strstr (name, "sbom") != NULL || strstr (name, ".cdx.") != NULL ||
      g_str_has_suffix (name, ".spdx") || strstr (name, ".spdx.") != NULL ||
      strstr (name, "bom.json") != NULL || strstr (name, "bom.xml") != NULL)
    return "sbom";
  if (strstr (name, "pentest") != NULL || strstr (name, "penetration") != NULL)
    return "penetration-test";
  if (strstr (name, "policy") != NULL)
    return "policy";
  if (strstr (name, "certificate") != NULL || g_str_has_suffix (name, ".crt"))
    return "certificate";
  if (strstr (name, "test") != NULL || strstr (name, "report") != NULL)
    return "test-report";
  if (media_type != NULL && g_str_has_prefix (media_type, "image/"))
    return "screenshot";

  return "other";
}

/* Versions and mismatches */

void
cf_evidence_version_free (CfEvidenceVersion *version)
{
  if (version == NULL)
    return;

  g_free (version->file_name);
  g_free (version->media_type);
  g_free (version->sha256);
  g_free (version->added_at);
  g_free (version->added_by);
  g_free (version);
}

void
cf_evidence_mismatch_free (CfEvidenceMismatch *mismatch)
{
  if (mismatch == NULL)
    return;

  g_free (mismatch->title);
  g_free (mismatch->expected);
  g_free (mismatch->actual);
  g_free (mismatch);
}

/* The item */

struct _CfEvidence
{
  GObject            parent_instance;

  gint64             id;
  gint64             product_id;
  char              *title;
  char              *kind;
  char              *valid_until;
  GStrv              requirements;
  GArray            *threats;      /* of gint: threat numbers */
  CfEvidenceVersion *latest;
  char              *created_at;
  char              *created_by;
};

G_DEFINE_FINAL_TYPE (CfEvidence, cf_evidence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_KIND,
  PROP_VALID_UNTIL,
  PROP_VERSION,
  PROP_SIZE,
  PROP_FILE_NAME,
  PROP_SHA256,
  PROP_ADDED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
cf_evidence_finalize (GObject *object)
{
  CfEvidence *self = CF_EVIDENCE (object);

  g_free (self->title);
  g_free (self->kind);
  g_free (self->valid_until);
  g_strfreev (self->requirements);
  g_array_unref (self->threats);
  cf_evidence_version_free (self->latest);
  g_free (self->created_at);
  g_free (self->created_by);

  G_OBJECT_CLASS (cf_evidence_parent_class)->finalize (object);
}

static void
cf_evidence_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CfEvidence *self = CF_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    case PROP_VALID_UNTIL: g_value_set_string (value, self->valid_until); break;
    case PROP_VERSION: g_value_set_int (value, self->latest ? self->latest->version : 0); break;
    case PROP_SIZE: g_value_set_uint64 (value, self->latest ? self->latest->size : 0); break;
    case PROP_FILE_NAME: g_value_set_string (value, self->latest ? self->latest->file_name : NULL); break;
    case PROP_SHA256: g_value_set_string (value, self->latest ? self->latest->sha256 : NULL); break;
    case PROP_ADDED_AT: g_value_set_string (value, self->latest ? self->latest->added_at : NULL); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_evidence_class_init (CfEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cf_evidence_finalize;
  object_class->get_property = cf_evidence_get_property;

  /* Read-only: lists bind and sort on them. */
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_VALID_UNTIL] = g_param_spec_string ("valid-until", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_int ("version", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_SIZE] = g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_FILE_NAME] = g_param_spec_string ("file-name", NULL, NULL, NULL, flags);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, flags);
  properties[PROP_ADDED_AT] = g_param_spec_string ("added-at", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_evidence_init (CfEvidence *self)
{
  self->requirements = g_new0 (char *, 1);
  self->threats = g_array_new (FALSE, FALSE, sizeof (gint));
}

CfEvidence *
cf_evidence_new (void)
{
  return g_object_new (CF_TYPE_EVIDENCE, NULL);
}

gint64 cf_evidence_get_id (CfEvidence *self) { return self->id; }
gint64 cf_evidence_get_product_id (CfEvidence *self) { return self->product_id; }
const char *cf_evidence_get_title (CfEvidence *self) { return self->title; }
const char *cf_evidence_get_kind (CfEvidence *self) { return self->kind; }
const char *cf_evidence_get_valid_until (CfEvidence *self) { return self->valid_until; }
const char * const *cf_evidence_get_requirements (CfEvidence *self) { return (const char * const *) self->requirements; }
GArray *cf_evidence_get_threats (CfEvidence *self) { return self->threats; }
const CfEvidenceVersion *cf_evidence_get_latest (CfEvidence *self) { return self->latest; }
const char *cf_evidence_get_created_at (CfEvidence *self) { return self->created_at; }
const char *cf_evidence_get_created_by (CfEvidence *self) { return self->created_by; }

void
cf_evidence_set_id (CfEvidence *self,
                    gint64      id)
{
  self->id = id;
}

void
cf_evidence_set_product_id (CfEvidence *self,
                            gint64      product_id)
{
  self->product_id = product_id;
}

static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

void
cf_evidence_set_title (CfEvidence *self,
                       const char *title)
{
  replace_string (&self->title, title);
}

void
cf_evidence_set_kind (CfEvidence *self,
                      const char *kind)
{
  replace_string (&self->kind, kind);
}

void
cf_evidence_set_valid_until (CfEvidence *self,
                             const char *date)
{
  replace_string (&self->valid_until, date != NULL && *date != '\0' ? date : NULL);
}

void
cf_evidence_set_requirements (CfEvidence         *self,
                              const char * const *requirements)
{
  g_autoptr(GPtrArray) unique = g_ptr_array_new ();

  for (guint i = 0; requirements != NULL && requirements[i] != NULL; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < unique->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (unique, j), requirements[i]);
      if (!seen)
        g_ptr_array_add (unique, (gpointer) requirements[i]);
    }
  g_ptr_array_add (unique, NULL);

  g_strfreev (self->requirements);
  self->requirements = g_strdupv ((char **) unique->pdata);
}

gboolean
cf_evidence_has_requirement (CfEvidence *self,
                             const char *requirement)
{
  return g_strv_contains ((const char * const *) self->requirements, requirement);
}

void
cf_evidence_set_threats (CfEvidence *self,
                         const gint *numbers,
                         guint       n_numbers)
{
  g_array_set_size (self->threats, 0);
  for (guint i = 0; i < n_numbers; i++)
    if (!cf_evidence_has_threat (self, numbers[i]))
      g_array_append_val (self->threats, numbers[i]);
}

gboolean
cf_evidence_has_threat (CfEvidence *self,
                        gint        number)
{
  for (guint i = 0; i < self->threats->len; i++)
    if (g_array_index (self->threats, gint, i) == number)
      return TRUE;

  return FALSE;
}

void
cf_evidence_take_latest (CfEvidence        *self,
                         CfEvidenceVersion *version)
{
  cf_evidence_version_free (self->latest);
  self->latest = version;
}

void
cf_evidence_set_created (CfEvidence *self,
                         const char *at,
                         const char *by)
{
  replace_string (&self->created_at, at);
  replace_string (&self->created_by, by);
}

/**
 * cf_evidence_date_is_valid:
 *
 * Returns: whether @date is a real calendar date written YYYY-MM-DD
 */
gboolean
cf_evidence_date_is_valid (const char *date)
{
  /* The same rule as every other date field. */
  g_autoptr(GDate) parsed = cf_field_parse_date (date);

  return parsed != NULL;
}

/**
 * cf_evidence_is_expired:
 * @today: the day to judge by
 *
 * Returns: whether the item has a validity date and it has passed: it is
 *   valid through the day it names
 */
gboolean
cf_evidence_is_expired (CfEvidence  *self,
                        const GDate *today)
{
  g_autoptr(GDate) until = NULL;

  if (self->valid_until == NULL || !cf_evidence_date_is_valid (self->valid_until))
    return FALSE;

  until = g_date_new ();
  g_date_set_dmy (until, (GDateDay) g_ascii_strtoull (self->valid_until + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (self->valid_until + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (self->valid_until, NULL, 10));

  return g_date_compare (until, today) < 0;
}

/**
 * cf_evidence_validate:
 *
 * Returns: whether the title, kind and validity date can be stored; if not,
 *   @error names the field
 */
gboolean
cf_evidence_validate (CfEvidence  *self,
                      GError     **error)
{
  g_autofree char *message = NULL;

  if (self->title == NULL || *g_strstrip (self->title) == '\0')
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                           _("Title: say what the evidence is, e.g. “Penetration test report, March 2027”."));
      return FALSE;
    }
  if (!g_utf8_validate (self->title, -1, NULL) || g_utf8_strlen (self->title, -1) > MAX_TITLE ||
      strchr (self->title, '\n') != NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Title: give one line of at most %d characters."), MAX_TITLE);
      return FALSE;
    }
  if ((message = cf_field_check_characters (_("Title"), self->title, FALSE)) != NULL)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT, message);
      return FALSE;
    }
  if (!cf_evidence_kind_is_valid (self->kind))
    {
      g_autofree char *ids = g_strjoinv (", ", (char **) cf_evidence_kind_list ());

      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Kind: “%s” is not a kind of evidence; use one of %s."), self->kind ?: "", ids);
      return FALSE;
    }
  if (self->valid_until != NULL && !cf_evidence_date_is_valid (self->valid_until))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Valid until: “%s” is not a date; write it as YYYY-MM-DD, e.g. 2028-06-30."),
                   self->valid_until);
      return FALSE;
    }

  return TRUE;
}
