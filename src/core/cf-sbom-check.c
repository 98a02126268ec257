/* cf-sbom-check.c — what an SBOM lacks against BSI TR-03183-2
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-sbom-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "cf-sbom-check.h"

/* The fields, in the order of the summary table. Conformity's reading of
 * TR-03183-2 2.0.0 (docs/SBOM.md): its required data fields are required,
 * its "additional" data fields recommended. */
typedef enum
{
  FIELD_SBOM_CREATOR,
  FIELD_SBOM_CREATOR_CONTACT,
  FIELD_SBOM_TIMESTAMP,
  FIELD_SBOM_FORMAT_VERSION,
  FIELD_SBOM_SERIAL,
  FIELD_SBOM_SUBJECT,
  FIELD_SBOM_COMPONENTS,
  FIELD_COMPONENT_NAME,
  FIELD_COMPONENT_VERSION,
  FIELD_COMPONENT_CREATOR,
  FIELD_COMPONENT_FILENAME,
  FIELD_COMPONENT_LICENCE,
  FIELD_COMPONENT_HASH_SHA512,
  FIELD_COMPONENT_DEPENDENCIES,
  FIELD_COMPONENT_IDENTIFIER,
  FIELD_COMPONENT_DOWNLOAD,
  N_FIELDS
} Field;

static const struct
{
  const char  *id;
  const char  *label;
  CfSbomLevel  level;
} fields[N_FIELDS] = {
  { "sbom.creator",           N_("SBOM creator"),                CF_SBOM_LEVEL_REQUIRED },
  { "sbom.creator-contact",   N_("SBOM creator’s email or URL"), CF_SBOM_LEVEL_RECOMMENDED },
  { "sbom.timestamp",         N_("Timestamp"),                   CF_SBOM_LEVEL_REQUIRED },
  { "sbom.format-version",    N_("Format version"),              CF_SBOM_LEVEL_REQUIRED },
  { "sbom.serial",            N_("SBOM URI"),                    CF_SBOM_LEVEL_RECOMMENDED },
  { "sbom.subject",           N_("Product described"),           CF_SBOM_LEVEL_RECOMMENDED },
  { "sbom.components",        N_("Components listed"),           CF_SBOM_LEVEL_REQUIRED },
  { "component.name",         N_("Name"),                        CF_SBOM_LEVEL_REQUIRED },
  { "component.version",      N_("Version"),                     CF_SBOM_LEVEL_REQUIRED },
  { "component.creator",      N_("Creator"),                     CF_SBOM_LEVEL_REQUIRED },
  { "component.filename",     N_("File name"),                   CF_SBOM_LEVEL_REQUIRED },
  { "component.licence",      N_("Licence"),                     CF_SBOM_LEVEL_REQUIRED },
  { "component.hash-sha512",  N_("SHA-512 hash"),                CF_SBOM_LEVEL_REQUIRED },
  { "component.dependencies", N_("Dependencies"),                CF_SBOM_LEVEL_REQUIRED },
  { "component.identifier",   N_("Package URL or CPE"),          CF_SBOM_LEVEL_RECOMMENDED },
  { "component.download",     N_("Download location"),           CF_SBOM_LEVEL_RECOMMENDED },
};

static void
cf_sbom_finding_free (CfSbomFinding *finding)
{
  g_free (finding->id);
  g_free (finding->message);
  g_free (finding);
}

void
cf_sbom_check_free (CfSbomCheck *check)
{
  if (check == NULL)
    return;

  g_ptr_array_unref (check->findings);
  g_ptr_array_unref (check->fields);
  g_free (check);
}

static CfSbomFieldSummary *
summary (CfSbomCheck *check,
         Field        field)
{
  return g_ptr_array_index (check->fields, field);
}

/* Counts one check of @field; returns whether it is met. */
static gboolean
count (CfSbomCheck *check,
       Field        field,
       gboolean     met)
{
  CfSbomFieldSummary *s = summary (check, field);

  s->checked++;
  s->met += met ? 1 : 0;

  return met;
}

/* Only called for a check that failed, so a clean SBOM costs no message
 * and no translation look-up. */
G_GNUC_PRINTF (4, 5)
static void
add_finding (CfSbomCheck *check,
             Field        field,
             gint         component,
             const char  *format,
             ...)
{
  CfSbomFinding *finding = g_new (CfSbomFinding, 1);
  va_list args;

  finding->id = g_strdup (fields[field].id);
  finding->level = fields[field].level;
  finding->component = component;
  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (check->findings, finding);
}

/* Generators write NOASSERTION, or blanks, where they know nothing: that
 * is not a value. */
static gboolean
is_given (const char *value)
{
  if (value == NULL)
    return FALSE;
  while (g_ascii_isspace (*value))
    value++;

  return *value != '\0' && g_ascii_strcasecmp (value, "NOASSERTION") != 0;
}

static gboolean
has_contact (const char *creator)
{
  return strchr (creator, '@') != NULL || strstr (creator, "://") != NULL;
}

/* Without a time zone the time is read as UTC rather than refused: the
 * moment is still given to within a day. */
static gboolean
timestamp_is_valid (const char *timestamp)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) when = NULL;

  if (!is_given (timestamp))
    return FALSE;

  utc = g_time_zone_new_utc ();
  when = g_date_time_new_from_iso8601 (timestamp, utc);

  return when != NULL;
}

static gboolean
is_cyclonedx (CfSbomFormat format)
{
  return format == CF_SBOM_FORMAT_CYCLONEDX_JSON || format == CF_SBOM_FORMAT_CYCLONEDX_XML;
}

/* TR-03183-2 2.0.0 asks for CycloneDX 1.5 or later, SPDX 2.2.1 or later.
 * "2.2" cannot tell 2.2 from 2.2.1, so it is given the benefit of the doubt. */
static gboolean
format_version_is_accepted (gboolean    cyclonedx,
                            const char *version)
{
  guint64 major = 0, minor = 0;
  char *end = NULL;

  major = g_ascii_strtoull (version, &end, 10);
  if (end == version)
    return FALSE;
  if (*end == '.')
    minor = g_ascii_strtoull (end + 1, NULL, 10);

  if (cyclonedx)
    return major > 1 || (major == 1 && minor >= 5);

  return major > 2 || (major == 2 && minor >= 2);
}

static void
check_sbom (CfSbomCheck  *check,
            const CfSbom *sbom)
{
  gboolean cyclonedx = is_cyclonedx (sbom->format);

  if (!count (check, FIELD_SBOM_CREATOR, is_given (sbom->creator)))
    add_finding (check, FIELD_SBOM_CREATOR, -1, "%s",
                 _("The SBOM does not name its creator: TR-03183-2 asks for the email address or URL "
                   "of the person or organisation that made it."));
  /* A name alone is better than nothing, so it meets the field; the
   * missing contact is only recommended. */
  else if (!count (check, FIELD_SBOM_CREATOR_CONTACT, has_contact (sbom->creator)))
    add_finding (check, FIELD_SBOM_CREATOR_CONTACT, -1,
                 _("The SBOM’s creator “%s” has neither an email address nor a URL to contact them."),
                 sbom->creator);

  if (!count (check, FIELD_SBOM_TIMESTAMP, timestamp_is_valid (sbom->timestamp)))
    {
      if (!is_given (sbom->timestamp))
        add_finding (check, FIELD_SBOM_TIMESTAMP, -1, "%s",
                     _("The SBOM has no timestamp: TR-03183-2 asks for the date and time it was made."));
      else
        add_finding (check, FIELD_SBOM_TIMESTAMP, -1,
                     _("The SBOM’s timestamp “%s” is not an ISO 8601 date and time."),
                     sbom->timestamp);
    }

  /* Nothing to compare without a version: the parser refuses such files. */
  if (is_given (sbom->spec_version) &&
      !count (check, FIELD_SBOM_FORMAT_VERSION, format_version_is_accepted (cyclonedx, sbom->spec_version)))
    add_finding (check, FIELD_SBOM_FORMAT_VERSION, -1,
                 cyclonedx
                 ? _("The SBOM is in CycloneDX %s: TR-03183-2 asks for CycloneDX 1.5 or later.")
                 : _("The SBOM is in SPDX %s: TR-03183-2 asks for SPDX 2.2.1 or later."),
                 sbom->spec_version);

  if (!count (check, FIELD_SBOM_SERIAL, is_given (sbom->serial)))
    add_finding (check, FIELD_SBOM_SERIAL, -1, "%s",
                 _("The SBOM has no URI or serial number of its own."));
  if (!count (check, FIELD_SBOM_SUBJECT, is_given (sbom->subject_name)))
    add_finding (check, FIELD_SBOM_SUBJECT, -1, "%s",
                 _("The SBOM does not name the product it describes."));
  if (!count (check, FIELD_SBOM_COMPONENTS, sbom->components != NULL && sbom->components->len > 0))
    add_finding (check, FIELD_SBOM_COMPONENTS, -1, "%s",
                 _("The SBOM lists no components."));
}

/* How findings name a component: "lodash 4.17.21", else its reference or
 * its position. */
static char *
component_label (const CfSbomComponent *c,
                 guint                  index)
{
  if (c->name != NULL && *c->name != '\0')
    {
      if (is_given (c->version))
        return g_strdup_printf ("%s %s", c->name, c->version);
      return g_strdup (c->name);
    }
  if (c->ref != NULL && *c->ref != '\0')
    return g_strdup_printf (_("Component “%s”"), c->ref);

  return g_strdup_printf (_("Component %u"), index + 1);
}

static void
check_hash (CfSbomCheck           *check,
            const CfSbomComponent *c,
            gint                   index,
            const char            *label)
{
  g_autoptr(GString) others = NULL;

  for (guint i = 0; c->hashes != NULL && i < c->hashes->len; i++)
    {
      const CfSbomHash *hash = g_ptr_array_index (c->hashes, i);

      if (hash->algorithm == NULL || hash->value == NULL || *hash->value == '\0')
        continue;
      if (strcmp (hash->algorithm, "SHA-512") == 0)
        {
          count (check, FIELD_COMPONENT_HASH_SHA512, TRUE);
          return;
        }
      if (others == NULL)
        others = g_string_new (hash->algorithm);
      else if (strstr (others->str, hash->algorithm) == NULL)
        g_string_append_printf (others, ", %s", hash->algorithm);
    }

  count (check, FIELD_COMPONENT_HASH_SHA512, FALSE);
  /* Naming what is there tells the user it is a matter of the algorithm. */
  if (others != NULL)
    add_finding (check, FIELD_COMPONENT_HASH_SHA512, index,
                 _("%s has no SHA-512 hash, only %s."), label, others->str);
  else
    add_finding (check, FIELD_COMPONENT_HASH_SHA512, index,
                 _("%s has no SHA-512 hash."), label);
}

static void
check_component (CfSbomCheck           *check,
                 const CfSbom          *sbom,
                 const CfSbomComponent *c,
                 guint                  i)
{
  g_autofree char *label = component_label (c, i);
  gint index = (gint) i;

  if (!count (check, FIELD_COMPONENT_NAME, c->name != NULL && *c->name != '\0'))
    add_finding (check, FIELD_COMPONENT_NAME, index, _("%s has no name."), label);
  if (!count (check, FIELD_COMPONENT_VERSION, is_given (c->version)))
    add_finding (check, FIELD_COMPONENT_VERSION, index, _("%s has no version."), label);
  /* The creator is the author (SPDX originator); a supplier stands in for
   * it, since for most packages the two are the same. */
  if (!count (check, FIELD_COMPONENT_CREATOR, is_given (c->author) || is_given (c->supplier)))
    add_finding (check, FIELD_COMPONENT_CREATOR, index,
                 _("%s names neither its creator nor its supplier."), label);
  /* Only SPDX 2 has a file name field (packageFileName): in the other
   * formats it is not checked, rather than failed for every component. */
  if (sbom->format == CF_SBOM_FORMAT_SPDX_JSON &&
      !count (check, FIELD_COMPONENT_FILENAME, is_given (c->filename)))
    add_finding (check, FIELD_COMPONENT_FILENAME, index, _("%s has no file name."), label);
  if (!count (check, FIELD_COMPONENT_LICENCE, is_given (c->licences)))
    add_finding (check, FIELD_COMPONENT_LICENCE, index, _("%s has no licence."), label);
  check_hash (check, c, index, label);
  if (!count (check, FIELD_COMPONENT_DEPENDENCIES, c->dependencies_known))
    add_finding (check, FIELD_COMPONENT_DEPENDENCIES, index,
                 _("The SBOM does not say what %s depends on, not even that it depends on nothing."),
                 label);
  if (!count (check, FIELD_COMPONENT_IDENTIFIER, is_given (c->purl) || is_given (c->cpe)))
    add_finding (check, FIELD_COMPONENT_IDENTIFIER, index,
                 _("%s has neither a package URL (purl) nor a CPE."), label);
  if (!count (check, FIELD_COMPONENT_DOWNLOAD, is_given (c->download)))
    add_finding (check, FIELD_COMPONENT_DOWNLOAD, index, _("%s has no download location."), label);
}

/**
 * cf_sbom_check:
 *
 * Checks @sbom against Conformity's reading of BSI TR-03183-2 2.0.0: the
 * fields its required and additional (here: recommended) data fields map
 * to, for the SBOM and for each component, as far as the model holds them.
 *
 * The score is ⌊100 × (2 × required met + recommended met) /
 * (2 × required checks + recommended checks)⌋: recommended checks weigh
 * half, and only an SBOM that meets every check scores 100.
 *
 * Returns: (transfer full): the findings, counts and score
 */
CfSbomCheck *
cf_sbom_check (const CfSbom *sbom)
{
  CfSbomCheck *check;
  guint64 num, den;

  g_return_val_if_fail (sbom != NULL, NULL);

  check = g_new0 (CfSbomCheck, 1);
  check->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_sbom_finding_free);
  check->fields = g_ptr_array_new_full (N_FIELDS, g_free);
  for (guint f = 0; f < N_FIELDS; f++)
    {
      CfSbomFieldSummary *s = g_new0 (CfSbomFieldSummary, 1);

      s->id = fields[f].id;
      s->label = _(fields[f].label);
      s->level = fields[f].level;
      g_ptr_array_add (check->fields, s);
    }

  check_sbom (check, sbom);
  for (guint i = 0; sbom->components != NULL && i < sbom->components->len; i++)
    check_component (check, sbom, g_ptr_array_index (sbom->components, i), i);

  for (guint f = 0; f < N_FIELDS; f++)
    {
      const CfSbomFieldSummary *s = summary (check, f);

      if (s->level == CF_SBOM_LEVEL_REQUIRED)
        {
          check->n_required_checks += s->checked;
          check->n_required_met += s->met;
        }
      else
        {
          check->n_recommended_checks += s->checked;
          check->n_recommended_met += s->met;
        }
    }

  num = 2 * (guint64) check->n_required_met + check->n_recommended_met;
  den = 2 * (guint64) check->n_required_checks + check->n_recommended_checks;
  check->score = den > 0 ? (guint) (100 * num / den) : 100;

  return check;
}
