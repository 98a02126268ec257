/* cf-cvss.c — base score arithmetic from the FIRST specifications
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cvss"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cf-cvss.h"
#include "cf-error.h"

void
cf_cvss_free (CfCvss *cvss)
{
  if (cvss == NULL)
    return;
  g_free (cvss->vector);
  g_free (cvss->version);
  g_free (cvss->severity);
  g_free (cvss);
}

/* The base metrics in the order the specification writes them, with the
 * letters each may take. */
static const struct
{
  const char *name;
  const char *values;
} metrics[] = {
  { "AV", "NALP" },
  { "AC", "LH" },
  { "PR", "NLH" },
  { "UI", "NR" },
  { "S", "UC" },
  { "C", "HLN" },
  { "I", "HLN" },
  { "A", "HLN" },
};

/* CVSS v3.1 section 7.4: round up to one decimal without floating-point
 * surprises. v3.0 used a plain ceiling. */
static double
round_up_31 (double value)
{
  gint64 scaled = (gint64) llround (value * 100000.0);

  if (scaled % 10000 == 0)
    return scaled / 100000.0;
  return (floor (scaled / 10000.0) + 1) / 10.0;
}

static double
round_up_30 (double value)
{
  return ceil (value * 10.0) / 10.0;
}

static double
cia_weight (char c)
{
  return c == 'H' ? 0.56 : c == 'L' ? 0.22 : 0.0;
}

static const char *
severity_of (double score)
{
  if (score == 0.0)
    return "NONE";
  if (score < 4.0)
    return "LOW";
  if (score < 7.0)
    return "MEDIUM";
  if (score < 9.0)
    return "HIGH";
  return "CRITICAL";
}

static double
base_score (const char letters[8], gboolean v31)
{
  char av = letters[0], ac = letters[1], pr = letters[2], ui = letters[3];
  char s = letters[4];
  gboolean changed = s == 'C';
  double w_av = av == 'N' ? 0.85 : av == 'A' ? 0.62 : av == 'L' ? 0.55 : 0.2;
  double w_ac = ac == 'L' ? 0.77 : 0.44;
  double w_pr = pr == 'N' ? 0.85 : pr == 'L' ? (changed ? 0.68 : 0.62) : (changed ? 0.5 : 0.27);
  double w_ui = ui == 'N' ? 0.85 : 0.62;
  double iss = 1.0 - ((1.0 - cia_weight (letters[5])) *
                      (1.0 - cia_weight (letters[6])) *
                      (1.0 - cia_weight (letters[7])));
  double impact, exploitability;
  double (*round_up) (double) = v31 ? round_up_31 : round_up_30;

  if (changed)
    impact = 7.52 * (iss - 0.029) - 3.25 * pow (iss - 0.02, 15);
  else
    impact = 6.42 * iss;
  exploitability = 8.22 * w_av * w_ac * w_pr * w_ui;

  if (impact <= 0)
    return 0.0;
  if (changed)
    return round_up (MIN (1.08 * (impact + exploitability), 10.0));
  return round_up (MIN (impact + exploitability, 10.0));
}

/**
 * cf_cvss_parse:
 * @vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"; the metrics may
 *   come in any order, each exactly once
 *
 * Only base metrics are taken: a report states the vulnerability's inherent
 * severity, and CSAF carries the base score.
 *
 * Returns: (transfer full) (nullable): the vector and its base score, or
 *   %NULL with a message naming the part that is wrong
 */
CfCvss *
cf_cvss_parse (const char  *vector,
               GError     **error)
{
  g_autoptr(CfCvss) cvss = g_new0 (CfCvss, 1);
  g_auto(GStrv) parts = NULL;
  char letters[G_N_ELEMENTS (metrics)] = { 0, };
  g_autoptr(GString) normalized = g_string_new (NULL);
  gboolean v31;

  g_return_val_if_fail (vector != NULL, NULL);

  if (g_str_has_prefix (vector, "CVSS:3.1/"))
    v31 = TRUE;
  else if (g_str_has_prefix (vector, "CVSS:3.0/"))
    v31 = FALSE;
  else
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("The CVSS vector “%s” does not start with CVSS:3.1/ or CVSS:3.0/ "
                     "(only CVSS version 3 vectors are accepted)."), vector);
      return NULL;
    }

  parts = g_strsplit (vector + strlen ("CVSS:3.x/"), "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *colon = strchr (parts[i], ':');
      gboolean known = FALSE;

      for (guint m = 0; colon != NULL && m < G_N_ELEMENTS (metrics); m++)
        {
          if (strlen (metrics[m].name) != (gsize) (colon - parts[i]) ||
              strncmp (parts[i], metrics[m].name, colon - parts[i]) != 0)
            continue;
          known = TRUE;
          if (strlen (colon + 1) != 1 || strchr (metrics[m].values, colon[1]) == NULL)
            {
              g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                           _("The CVSS vector “%s” gives the metric %s the value “%s”; "
                             "it takes one of %s."),
                           vector, metrics[m].name, colon + 1, metrics[m].values);
              return NULL;
            }
          if (letters[m] != 0)
            {
              g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                           _("The CVSS vector “%s” gives the metric %s twice."),
                           vector, metrics[m].name);
              return NULL;
            }
          letters[m] = colon[1];
        }
      if (!known)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                       _("The CVSS vector “%s” has “%s”, which is not a base metric "
                         "(AV, AC, PR, UI, S, C, I, A)."),
                       vector, parts[i]);
          return NULL;
        }
    }

  g_string_append (normalized, v31 ? "CVSS:3.1" : "CVSS:3.0");
  for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
    {
      if (letters[m] == 0)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                       _("The CVSS vector “%s” lacks the base metric %s."),
                       vector, metrics[m].name);
          return NULL;
        }
      g_string_append_printf (normalized, "/%s:%c", metrics[m].name, letters[m]);
    }

  cvss->vector = g_string_free (g_steal_pointer (&normalized), FALSE);
  cvss->version = g_strdup (v31 ? "3.1" : "3.0");
  cvss->base_score = base_score (letters, v31);
  cvss->severity = g_strdup (severity_of (cvss->base_score));
  cvss->av = letters[0];
  cvss->ac = letters[1];
  cvss->pr = letters[2];
  cvss->ui = letters[3];
  cvss->s = letters[4];
  cvss->c = letters[5];
  cvss->i = letters[6];
  cvss->a = letters[7];

  return g_steal_pointer (&cvss);
}

/**
 * cf_cvss_severity_label:
 *
 * Returns: the translated qualitative rating ("High") of "HIGH"
 */
const char *
cf_cvss_severity_label (const char *severity)
{
  if (g_strcmp0 (severity, "LOW") == 0)
    return C_("cvss", "Low");
  if (g_strcmp0 (severity, "MEDIUM") == 0)
    return C_("cvss", "Medium");
  if (g_strcmp0 (severity, "HIGH") == 0)
    return C_("cvss", "High");
  if (g_strcmp0 (severity, "CRITICAL") == 0)
    return C_("cvss", "Critical");
  return C_("cvss", "None");
}
