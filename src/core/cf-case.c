/* cf-case.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-case"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "cf-case.h"
#include "cf-error.h"
#include "cf-field.h"

struct _CfCase
{
  CfRecord      parent_instance;

  CfCaseKind    kind;
  gint64        product_id;
  gboolean      exploited;
  gboolean      severe;
  CfSuspicion   suspicion;
  CfCaseStatus  status;
  gint64        update_id;
  char         *created_at;
};

G_DEFINE_FINAL_TYPE (CfCase, cf_case, CF_TYPE_RECORD)

#define CASE_GROUP      N_("Case")
#define REPORTS_GROUP   N_("For the reports (Article 14)")
#define FIX_GROUP       N_("Fix or mitigation")
#define UPSTREAM_GROUP  N_("Report to the component’s maintainer")

/* The labels follow Article 14's wording, so a user filling a field knows
 * which report it goes into. */
static const CfFieldSpec fields[] = {
  { "title", N_("Title"), 200, TRUE, FALSE, CF_FIELD_FORMAT_TEXT, CASE_GROUP },
  { "aware-at", N_("Became aware at"), 40, TRUE, FALSE, CF_FIELD_FORMAT_DATE_TIME, CASE_GROUP },
  { "reference", N_("CVE or other identifier"), 100, FALSE, FALSE, CF_FIELD_FORMAT_TEXT, CASE_GROUP },
  { "description", N_("Description"), 20000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT, CASE_GROUP },
  { "affected-versions", N_("Affected versions"), 1000, FALSE, FALSE, CF_FIELD_FORMAT_TEXT, CASE_GROUP },
  { "affected-components", N_("Affected components (one per line)"), 20000, FALSE, TRUE,
    CF_FIELD_FORMAT_TEXT, CASE_GROUP },
  { "cvss-vector", N_("CVSS vector"), 200, FALSE, FALSE, CF_FIELD_FORMAT_CVSS, CASE_GROUP },
  { "discovery-source", N_("Discovery source"), 1000, FALSE, FALSE, CF_FIELD_FORMAT_TEXT, CASE_GROUP },
  { "impact", N_("Severity and impact"), 10000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT, REPORTS_GROUP },
  { "exploit-nature", N_("General nature of the exploit"), 10000, FALSE, TRUE,
    CF_FIELD_FORMAT_TEXT, REPORTS_GROUP },
  { "malicious-actor", N_("Information on malicious actors"), 10000, FALSE, TRUE,
    CF_FIELD_FORMAT_TEXT, REPORTS_GROUP },
  { "initial-assessment", N_("Initial assessment of the incident"), 10000, FALSE, TRUE,
    CF_FIELD_FORMAT_TEXT, REPORTS_GROUP },
  { "root-cause", N_("Type of threat or root cause"), 10000, FALSE, TRUE,
    CF_FIELD_FORMAT_TEXT, REPORTS_GROUP },
  { "measures-taken", N_("Corrective or mitigating measures taken"), 10000, FALSE, TRUE,
    CF_FIELD_FORMAT_TEXT, REPORTS_GROUP },
  { "user-measures", N_("Measures users can take"), 10000, FALSE, TRUE,
    CF_FIELD_FORMAT_TEXT, REPORTS_GROUP },
  { "sensitivity", N_("How sensitive the information is"), 1000, FALSE, FALSE,
    CF_FIELD_FORMAT_TEXT, REPORTS_GROUP },
  { "fix", N_("Fix or mitigation"), 10000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT, FIX_GROUP },
  { "fix-available-at", N_("Available since"), 40, FALSE, FALSE, CF_FIELD_FORMAT_DATE_TIME, FIX_GROUP },
  { "upstream-reported-at", N_("Reported at"), 40, FALSE, FALSE, CF_FIELD_FORMAT_DATE_TIME,
    UPSTREAM_GROUP },
  { "upstream-recipient", N_("Reported to"), 500, FALSE, FALSE, CF_FIELD_FORMAT_TEXT, UPSTREAM_GROUP },
  { "upstream-reply", N_("Reply"), 10000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT, UPSTREAM_GROUP },
};

/* Fields only one kind of case has; every other field both have. */
static const char * const vulnerability_only[] = {
  "reference", "affected-versions", "affected-components", "cvss-vector", "discovery-source",
  "exploit-nature", "malicious-actor", "fix", "fix-available-at",
  "upstream-reported-at", "upstream-recipient", "upstream-reply", NULL
};
static const char * const incident_only[] = {
  "initial-assessment", "root-cause", NULL
};

static void
cf_case_copy_extra (CfRecord *record,
                    CfRecord *source)
{
  CfCase *self = CF_CASE (record);
  CfCase *other = CF_CASE (source);

  self->kind = other->kind;
  self->product_id = other->product_id;
  self->exploited = other->exploited;
  self->severe = other->severe;
  self->suspicion = other->suspicion;
  self->status = other->status;
  self->update_id = other->update_id;
  g_free (self->created_at);
  self->created_at = g_strdup (other->created_at);
}

static void
cf_case_finalize (GObject *object)
{
  CfCase *self = CF_CASE (object);

  g_free (self->created_at);

  G_OBJECT_CLASS (cf_case_parent_class)->finalize (object);
}

static void
cf_case_class_init (CfCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CfRecordClass *record_class = CF_RECORD_CLASS (klass);

  object_class->finalize = cf_case_finalize;
  record_class->copy_extra = cf_case_copy_extra;
  cf_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
cf_case_init (CfCase *self)
{
  self->suspicion = CF_SUSPICION_UNKNOWN;
  self->status = CF_CASE_OPEN;
}

CfCase *
cf_case_new (CfCaseKind kind)
{
  CfCase *self = g_object_new (CF_TYPE_CASE, NULL);

  self->kind = kind;
  return self;
}

CfCaseKind
cf_case_get_kind (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), CF_CASE_VULNERABILITY);
  return self->kind;
}

void
cf_case_set_kind (CfCase     *self,
                  CfCaseKind  kind)
{
  g_return_if_fail (CF_IS_CASE (self));
  self->kind = kind;
}

gint64
cf_case_get_product_id (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), 0);
  return self->product_id;
}

void
cf_case_set_product_id (CfCase *self,
                        gint64  product_id)
{
  g_return_if_fail (CF_IS_CASE (self));
  self->product_id = product_id;
}

gboolean
cf_case_get_exploited (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return self->exploited;
}

void
cf_case_set_exploited (CfCase   *self,
                       gboolean  exploited)
{
  g_return_if_fail (CF_IS_CASE (self));
  self->exploited = !!exploited;
}

gboolean
cf_case_get_severe (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return self->severe;
}

void
cf_case_set_severe (CfCase   *self,
                    gboolean  severe)
{
  g_return_if_fail (CF_IS_CASE (self));
  self->severe = !!severe;
}

CfSuspicion
cf_case_get_suspicion (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), CF_SUSPICION_UNKNOWN);
  return self->suspicion;
}

void
cf_case_set_suspicion (CfCase      *self,
                       CfSuspicion  suspicion)
{
  g_return_if_fail (CF_IS_CASE (self));
  self->suspicion = suspicion;
}

CfCaseStatus
cf_case_get_status (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), CF_CASE_OPEN);
  return self->status;
}

void
cf_case_set_status (CfCase       *self,
                    CfCaseStatus  status)
{
  g_return_if_fail (CF_IS_CASE (self));
  self->status = status;
}

gint64
cf_case_get_update_id (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), 0);
  return self->update_id;
}

void
cf_case_set_update_id (CfCase *self,
                       gint64  update_id)
{
  g_return_if_fail (CF_IS_CASE (self));
  self->update_id = update_id;
}

const char *
cf_case_get_created_at (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), NULL);
  return self->created_at;
}

void
cf_case_set_created_at (CfCase     *self,
                        const char *created_at)
{
  g_return_if_fail (CF_IS_CASE (self));
  g_free (self->created_at);
  self->created_at = g_strdup (created_at);
}

const char *
cf_case_get_title (CfCase *self)
{
  return cf_record_get_field (CF_RECORD (self), "title");
}

/**
 * cf_case_dup_aware_at:
 *
 * Returns: (transfer full) (nullable): when the manufacturer became aware,
 *   in UTC; the clock of every Article 14 deadline starts here
 */
GDateTime *
cf_case_dup_aware_at (CfCase *self)
{
  return cf_field_parse_date_time (cf_record_get_field (CF_RECORD (self), "aware-at"));
}

/**
 * cf_case_dup_fix_available_at:
 *
 * Returns: (transfer full) (nullable): when a corrective or mitigating
 *   measure became available, in UTC
 */
GDateTime *
cf_case_dup_fix_available_at (CfCase *self)
{
  return cf_field_parse_date_time (cf_record_get_field (CF_RECORD (self), "fix-available-at"));
}

/**
 * cf_case_dup_label:
 *
 * Returns: (transfer full): "Case 12", the name every message and report
 *   uses, matching the id the command line takes
 */
char *
cf_case_dup_label (CfCase *self)
{
  return g_strdup_printf (_("Case %" PRId64), cf_record_get_id (CF_RECORD (self)));
}

/**
 * cf_case_is_reportable:
 *
 * Returns: whether Article 14 asks for reports: an actively exploited
 *   vulnerability (paragraph 1) or a severe incident (paragraph 3)
 */
gboolean
cf_case_is_reportable (CfCase *self)
{
  g_return_val_if_fail (CF_IS_CASE (self), FALSE);
  return self->kind == CF_CASE_VULNERABILITY ? self->exploited : self->severe;
}

gboolean
cf_case_field_applies (CfCaseKind  kind,
                       const char *field)
{
  const char * const *other = kind == CF_CASE_VULNERABILITY ? incident_only : vulnerability_only;

  return !g_strv_contains (other, field);
}

/**
 * cf_case_validate:
 * @now: the present, against which the time of awareness is checked
 *
 * Checks every field, then what only the case as a whole can tell: a
 * manufacturer cannot have become aware in the future, and an incident's
 * record has no fields of a vulnerability's and the reverse.
 */
gboolean
cf_case_validate (CfCase     *self,
                  GDateTime  *now,
                  GError    **error)
{
  g_autoptr(GDateTime) aware_at = NULL;
  g_autoptr(GDateTime) reported_at = NULL;
  guint n_specs;
  const CfFieldSpec *specs;

  g_return_val_if_fail (CF_IS_CASE (self), FALSE);

  if (!cf_record_validate (CF_RECORD (self), error))
    return FALSE;

  specs = cf_record_get_specs (CF_RECORD (self), &n_specs);
  for (guint i = 0; i < n_specs; i++)
    if (!cf_case_field_applies (self->kind, specs[i].name) &&
        cf_record_is_filled (CF_RECORD (self), specs[i].name))
      {
        g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                     self->kind == CF_CASE_INCIDENT
                       ? _("%s is recorded for vulnerabilities, not for incidents.")
                       : _("%s is recorded for incidents, not for vulnerabilities."),
                     _(specs[i].label));
        return FALSE;
      }

  /* A few minutes of grace: clocks of different machines disagree. */
  aware_at = cf_case_dup_aware_at (self);
  if (aware_at != NULL && now != NULL &&
      g_date_time_difference (aware_at, now) > 5 * G_TIME_SPAN_MINUTE)
    {
      g_autofree char *text = cf_date_time_to_iso (aware_at);

      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Became aware at %s lies in the future; give the time the manufacturer "
                     "became aware of it."), text);
      return FALSE;
    }

  return TRUE;
}

static const char * const kind_names[] = { "vulnerability", "incident" };
static const char * const status_names[] = { "open", "mitigated", "closed" };
static const char * const suspicion_names[] = { "unknown", "yes", "no" };

static gboolean
lookup (const char * const *names,
        guint               n_names,
        const char         *text,
        int                *value)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], text) == 0)
      {
        *value = (int) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cf_case_kind_to_string (CfCaseKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
cf_case_kind_from_string (const char *text,
                          CfCaseKind *kind)
{
  int value;

  if (!lookup (kind_names, G_N_ELEMENTS (kind_names), text, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

const char *
cf_case_kind_label (CfCaseKind kind)
{
  return kind == CF_CASE_INCIDENT ? _("Incident") : _("Vulnerability");
}

const char *
cf_case_status_to_string (CfCaseStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
cf_case_status_from_string (const char   *text,
                            CfCaseStatus *status)
{
  int value;

  if (!lookup (status_names, G_N_ELEMENTS (status_names), text, &value))
    return FALSE;
  *status = value;
  return TRUE;
}

const char *
cf_case_status_label (CfCaseStatus status)
{
  switch (status)
    {
    case CF_CASE_MITIGATED:
      return C_("case status", "Fixed or mitigated");
    case CF_CASE_CLOSED:
      return C_("case status", "Closed");
    case CF_CASE_OPEN:
    default:
      return C_("case status", "Open");
    }
}

const char *
cf_suspicion_to_string (CfSuspicion suspicion)
{
  g_return_val_if_fail (suspicion < G_N_ELEMENTS (suspicion_names), NULL);
  return suspicion_names[suspicion];
}

gboolean
cf_suspicion_from_string (const char  *text,
                          CfSuspicion *suspicion)
{
  int value;

  if (!lookup (suspicion_names, G_N_ELEMENTS (suspicion_names), text, &value))
    return FALSE;
  *suspicion = value;
  return TRUE;
}

const char *
cf_suspicion_label (CfSuspicion suspicion)
{
  switch (suspicion)
    {
    case CF_SUSPICION_YES:
      return _("Suspected of being caused by unlawful or malicious acts");
    case CF_SUSPICION_NO:
      return _("Not suspected of being caused by unlawful or malicious acts");
    case CF_SUSPICION_UNKNOWN:
    default:
      return _("Not yet known whether unlawful or malicious acts are suspected");
    }
}

/**
 * cf_case_dup_components:
 *
 * Returns: (transfer full): the affected components, one per non-empty
 *   line, trimmed ("openssl 3.0.13" or a package URL)
 */
char **
cf_case_dup_components (CfCase *self)
{
  const char *text = cf_record_get_field (CF_RECORD (self), "affected-components");
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}

/**
 * cf_case_component_dup_purl:
 * @component: one affected component as recorded: a package URL, or
 *   "name version (pkg:…)" as picked from an SBOM, or free text
 *
 * Returns: (transfer full) (nullable): the package URL it names, if any
 */
char *
cf_case_component_dup_purl (const char *component)
{
  g_autoptr(GRegex) regex = g_regex_new ("(?:^|\\()(pkg:[A-Za-z.+-][A-Za-z0-9.+-]*/[^\\s()]+)\\)?$",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (component == NULL || !g_regex_match (regex, component, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 1);
}
