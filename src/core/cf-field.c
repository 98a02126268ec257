/* cf-field.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-field"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "cf-cvss.h"
#include "cf-field.h"
#include "cf-member-state.h"

static gboolean
is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;

  for (const char *p = value; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
looks_like_email (const char *value)
{
  const char *at = strchr (value, '@');

  /* Deliberately loose: one "@", something before it, a dot after it, no
   * spaces. Stricter checks reject real addresses and help nobody. */
  if (at == NULL || at == value || strchr (at + 1, '@') != NULL)
    return FALSE;
  if (strchr (at + 1, '.') == NULL || g_str_has_suffix (value, "."))
    return FALSE;
  for (const char *p = value; *p; p++)
    if (g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static gboolean
looks_like_url (const char *value)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  uri = g_uri_parse (value, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
    return FALSE;

  return g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

/**
 * cf_field_parse_date:
 * @value: (nullable): a date written YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the date, or %NULL when @value is not
 *   a real calendar date in that form
 */
GDate *
cf_field_parse_date (const char *value)
{
  unsigned year, month, day;
  char end;

  if (value == NULL || strlen (value) != 10)
    return NULL;

  /* Digits only: sscanf() would also take "+202" or "-027" as a year. */
  for (guint i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? value[i] != '-' : !g_ascii_isdigit (value[i]))
      return NULL;

  if (sscanf (value, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_new_dmy (day, month, year);
}

/**
 * cf_field_parse_date_time:
 * @value: (nullable): ISO 8601 date and time; without a UTC offset it is
 *   read in the local time zone
 *
 * Returns: (transfer full) (nullable): the moment, in UTC, or %NULL when
 *   @value is not a real date and time (2026-02-30T10:00Z is not)
 */
GDateTime *
cf_field_parse_date_time (const char *value)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) parsed = NULL;

  g_autofree char *text = NULL;

  if (value == NULL || strlen (value) < 16)
    return NULL;

  /* GLib wants seconds; people (and RFC 3339's lower case) often omit
   * them: 2026-11-21t09:30z is 2026-11-21T09:30:00Z. */
  text = g_ascii_strup (value, -1);
  if ((text[10] == 'T' || text[10] == ' ') && text[13] == ':' &&
      g_ascii_isdigit (text[14]) && g_ascii_isdigit (text[15]) && text[16] != ':')
    {
      g_autofree char *head = g_strndup (text, 16);
      g_autofree char *with_seconds = g_strconcat (head, ":00", text + 16, NULL);

      g_free (text);
      text = g_steal_pointer (&with_seconds);
    }
  parsed = g_date_time_new_from_iso8601 (text, local);
  if (parsed == NULL)
    return NULL;
  return g_date_time_to_utc (parsed);
}

/**
 * cf_date_time_to_iso:
 *
 * Returns: (transfer full): @time in UTC, written 2026-11-21T09:30:00Z
 */
char *
cf_date_time_to_iso (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  int year, month, day;

  /* Four digits for the year, as ISO 8601 and the parser want: "%Y" would
   * write the year 226 as "226". */
  g_date_time_get_ymd (utc, &year, &month, &day);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
                          g_date_time_get_hour (utc), g_date_time_get_minute (utc),
                          g_date_time_get_second (utc));
}

static gboolean
is_notified_body_number (const char *value)
{
  if (strlen (value) != 4)
    return FALSE;
  for (const char *p = value; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* The explicit directional formatting characters of Unicode (UAX #9):
 * embeddings, overrides and isolates. They make text display in another
 * order than it is stored ("Trojan Source", CVE-2021-42574). */
static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/**
 * cf_field_check_characters:
 * @label: the field's name as the user knows it, translated
 * @value: (nullable): the value, valid UTF-8 or not
 * @multiline: whether the field may span lines
 *
 * What no text field may hold: bytes that are not UTF-8; control characters
 * other than line feed and tab (an escape sequence rewrites a terminal that
 * shows it, a NUL cuts the text short); a line feed in a one-line field; and
 * in a one-line field, the characters that reorder text as it is displayed.
 * Names, identifiers and versions are what lists, file names and the audit
 * log show, so they must read as they are stored. In prose these marks keep
 * Arabic or Hebrew with Latin words in order, so several lines may hold them.
 *
 * Returns: (transfer full) (nullable): a translated message naming the field
 *   and the problem, or %NULL when @value is acceptable
 */
char *
cf_field_check_characters (const char *label,
                           const char *value,
                           gboolean    multiline)
{
  if (value == NULL)
    return NULL;

  if (!g_utf8_validate (value, -1, NULL))
    return g_strdup_printf (_("%s is not valid UTF-8 text."), label);

  for (const char *p = value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' && !multiline)
        return g_strdup_printf (_("%s must fit on one line."), label);
      if (c != '\n' && c != '\t' && g_unichar_iscntrl (c))
        return g_strdup_printf (_("%s contains a control character (U+%04X)."), label, c);
      if (!multiline && is_bidi_control (c))
        return g_strdup_printf (_("%s contains U+%04X, a character that makes text display in "
                                  "another order than it is stored; a one-line field may not "
                                  "hold it."),
                                label, c);
    }

  return NULL;
}

/**
 * cf_field_dup_printable:
 * @text: (nullable): text from elsewhere, UTF-8 or not
 * @multiline: whether to keep line feeds
 *
 * @text fit to show on a terminal or in a message: invalid bytes and
 * control characters other than tab (and line feed, if @multiline) become
 * U+FFFD, so that quoting input can never send an escape sequence to the
 * terminal or start a line that looks like another message.
 *
 * Returns: (transfer full): the text to show
 */
char *
cf_field_dup_printable (const char *text,
                        gboolean    multiline)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *shown = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\t' && (c != '\n' || !multiline) && g_unichar_iscntrl (c))
        g_string_append_unichar (shown, 0xFFFD);
      else
        g_string_append_len (shown, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (shown, FALSE);
}

/**
 * cf_field_spec_check:
 * @spec: the field
 * @value: (nullable): the value to check
 *
 * Returns: (transfer full) (nullable): a translated message naming the field
 *   and the problem, or %NULL when @value is acceptable.
 */
char *
cf_field_spec_check (const CfFieldSpec *spec,
                     const char        *value)
{
  const char *label;
  char *message;

  g_return_val_if_fail (spec != NULL, NULL);

  label = _(spec->label);

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    return g_strdup_printf (_("%s is not valid UTF-8 text."), label);

  if (is_blank (value))
    {
      if (spec->required)
        return g_strdup_printf (_("%s is required."), label);
      return NULL;
    }

  if (g_utf8_strlen (value, -1) > (glong) spec->max_chars)
    return g_strdup_printf (ngettext ("%s is too long: at most %u character is allowed.",
                                      "%s is too long: at most %u characters are allowed.",
                                      spec->max_chars),
                            label, spec->max_chars);

  message = cf_field_check_characters (label, value, spec->multiline);
  if (message != NULL)
    return message;

  switch (spec->format)
    {
    case CF_FIELD_FORMAT_EMAIL:
      {
        g_autofree char *trimmed = g_strstrip (g_strdup (value));

        if (!looks_like_email (trimmed))
          return g_strdup_printf (_("%s “%s” is not an email address (expected name@example.com)."),
                                  label, trimmed);
      }
      break;

    case CF_FIELD_FORMAT_URL:
      {
        g_autofree char *trimmed = g_strstrip (g_strdup (value));

        if (!looks_like_url (trimmed))
          return g_strdup_printf (_("%s “%s” is not a web address (expected https://example.com)."),
                                  label, trimmed);
      }
      break;

    case CF_FIELD_FORMAT_EMAIL_OR_URL:
      {
        g_autofree char *trimmed = g_strstrip (g_strdup (value));

        /* A contact point may be a mailbox or a web form (Annex II point 2). */
        if (!looks_like_email (trimmed) && !looks_like_url (trimmed))
          return g_strdup_printf (_("%s “%s” is neither an email address nor a web address "
                                    "(expected security@example.com or "
                                    "https://example.com/security)."),
                                  label, trimmed);
      }
      break;

    case CF_FIELD_FORMAT_DATE:
      {
        g_autofree char *trimmed = g_strstrip (g_strdup (value));
        GDate *date = cf_field_parse_date (trimmed);

        if (date == NULL)
          return g_strdup_printf (_("%s “%s” is not a date written as YYYY-MM-DD "
                                    "(for example 2027-12-11)."),
                                  label, trimmed);
        g_date_free (date);
      }
      break;

    case CF_FIELD_FORMAT_NOTIFIED_BODY:
      {
        g_autofree char *trimmed = g_strstrip (g_strdup (value));

        /* Notified bodies are identified by four digits in NANDO. */
        if (!is_notified_body_number (trimmed))
          return g_strdup_printf (_("%s “%s” is not a notified body’s identification number: "
                                    "it has four digits, for example 0123."),
                                  label, trimmed);
      }
      break;

    case CF_FIELD_FORMAT_DATE_TIME:
      {
        g_autofree char *trimmed = g_strstrip (g_strdup (value));
        g_autoptr(GDateTime) time = cf_field_parse_date_time (trimmed);

        if (time == NULL)
          return g_strdup_printf (_("%s “%s” is not a date and time in ISO 8601 "
                                    "(for example 2026-11-21T09:30:00Z or "
                                    "2026-11-21T10:30+01:00)."),
                                  label, trimmed);
      }
      break;

    case CF_FIELD_FORMAT_MEMBER_STATE:
      {
        g_autofree char *trimmed = g_strstrip (g_strdup (value));

        if (cf_member_state_canonical (trimmed) == NULL)
          return g_strdup_printf (_("%s “%s” is not the code of a Member State of the Union "
                                    "(for example DE, FR or IE)."),
                                  label, trimmed);
      }
      break;

    case CF_FIELD_FORMAT_MEMBER_STATES:
      {
        g_autofree char *bad = NULL;
        g_autofree char *codes = cf_member_states_normalize (value, &bad);

        if (codes == NULL)
          return g_strdup_printf (_("%s: “%s” is not the code of a Member State of the Union "
                                    "(write codes such as DE, FR, IE separated by commas)."),
                                  label, bad);
      }
      break;

    case CF_FIELD_FORMAT_CVSS:
      {
        g_autofree char *trimmed = g_strstrip (g_strdup (value));
        g_autoptr(GError) error = NULL;
        g_autoptr(CfCvss) cvss = cf_cvss_parse (trimmed, &error);

        if (cvss == NULL)
          return g_strdup_printf ("%s: %s", label, error->message);
      }
      break;

    case CF_FIELD_FORMAT_TEXT:
    default:
      break;
    }

  return NULL;
}

const CfFieldSpec *
cf_field_spec_find (const CfFieldSpec *specs,
                    guint              n_specs,
                    const char        *name)
{
  for (guint i = 0; i < n_specs; i++)
    if (g_strcmp0 (specs[i].name, name) == 0)
      return &specs[i];

  return NULL;
}

/**
 * cf_field_normalize:
 *
 * Trims surrounding white space and turns an empty value into %NULL, so the
 * database never holds "   " where the user meant "nothing".
 *
 * Returns: (transfer full) (nullable): the value to store
 */
char *
cf_field_normalize (const CfFieldSpec *spec,
                    const char        *value)
{
  g_autofree char *copy = NULL;

  if (value == NULL)
    return NULL;

  copy = g_strdup (value);
  g_strstrip (copy);
  if (*copy == '\0')
    return NULL;

  /* Values with one right spelling are stored in it, so that comparisons,
   * deadlines and exports never have to guess. Invalid values are left as
   * they are for the check to name. */
  switch (spec != NULL ? spec->format : CF_FIELD_FORMAT_TEXT)
    {
    case CF_FIELD_FORMAT_DATE_TIME:
      {
        g_autoptr(GDateTime) time = cf_field_parse_date_time (copy);

        if (time != NULL)
          return cf_date_time_to_iso (time);
      }
      break;
    case CF_FIELD_FORMAT_MEMBER_STATE:
      if (cf_member_state_canonical (copy) != NULL)
        return g_strdup (cf_member_state_canonical (copy));
      break;
    case CF_FIELD_FORMAT_MEMBER_STATES:
      {
        char *codes = cf_member_states_normalize (copy, NULL);

        if (codes != NULL && *codes != '\0')
          return codes;
        g_free (codes);
      }
      break;
    case CF_FIELD_FORMAT_CVSS:
      {
        g_autoptr(CfCvss) cvss = cf_cvss_parse (copy, NULL);

        if (cvss != NULL)
          return g_strdup (cvss->vector);
      }
      break;
    default:
      break;
    }

  return g_steal_pointer (&copy);
}
