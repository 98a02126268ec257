/* cf-member-state.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-member-state"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-member-state.h"

/* In the Union's protocol order (by each country's name in its own
 * language), the order official texts list them in. */
static const struct
{
  const char *code;
  const char *name;
} member_states[] = {
  { "BE", N_("Belgium") },
  { "BG", N_("Bulgaria") },
  { "CZ", N_("Czechia") },
  { "DK", N_("Denmark") },
  { "DE", N_("Germany") },
  { "EE", N_("Estonia") },
  { "IE", N_("Ireland") },
  { "EL", N_("Greece") },
  { "ES", N_("Spain") },
  { "FR", N_("France") },
  { "HR", N_("Croatia") },
  { "IT", N_("Italy") },
  { "CY", N_("Cyprus") },
  { "LV", N_("Latvia") },
  { "LT", N_("Lithuania") },
  { "LU", N_("Luxembourg") },
  { "HU", N_("Hungary") },
  { "MT", N_("Malta") },
  { "NL", N_("Netherlands") },
  { "AT", N_("Austria") },
  { "PL", N_("Poland") },
  { "PT", N_("Portugal") },
  { "RO", N_("Romania") },
  { "SI", N_("Slovenia") },
  { "SK", N_("Slovakia") },
  { "FI", N_("Finland") },
  { "SE", N_("Sweden") },
};

guint
cf_member_state_count (void)
{
  return G_N_ELEMENTS (member_states);
}

const char *
cf_member_state_code (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (member_states), NULL);
  return member_states[index].code;
}

/**
 * cf_member_state_canonical:
 * @code: a code in any case, "GR" included
 *
 * Returns: (nullable): the code as stored ("EL" for "gr"), or %NULL when
 *   @code names no Member State
 */
const char *
cf_member_state_canonical (const char *code)
{
  if (code == NULL)
    return NULL;
  if (g_ascii_strcasecmp (code, "GR") == 0)
    return "EL";
  for (guint i = 0; i < G_N_ELEMENTS (member_states); i++)
    if (g_ascii_strcasecmp (code, member_states[i].code) == 0)
      return member_states[i].code;
  return NULL;
}

/**
 * cf_member_state_name:
 *
 * Returns: (nullable): the translated name, or %NULL for an unknown code
 */
const char *
cf_member_state_name (const char *code)
{
  const char *canonical = cf_member_state_canonical (code);

  for (guint i = 0; canonical != NULL && i < G_N_ELEMENTS (member_states); i++)
    if (g_str_equal (canonical, member_states[i].code))
      return _(member_states[i].name);
  return NULL;
}

/**
 * cf_member_states_normalize:
 * @text: codes separated by commas or spaces, "de, fr it"
 * @bad_item: (out) (optional) (transfer full): the first item that names no
 *   Member State
 *
 * Returns: (transfer full) (nullable): the codes in protocol order without
 *   repeats, "DE FR IT", or %NULL when an item is not a Member State's code
 *   (an empty list gives "")
 */
char *
cf_member_states_normalize (const char  *text,
                            char       **bad_item)
{
  g_auto(GStrv) items = g_regex_split_simple ("[\\s,;]+", text ? text : "", 0, 0);
  gboolean present[G_N_ELEMENTS (member_states)] = { FALSE, };
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *canonical;

      if (*items[i] == '\0')
        continue;
      canonical = cf_member_state_canonical (items[i]);
      if (canonical == NULL)
        {
          if (bad_item != NULL)
            *bad_item = g_strdup (items[i]);
          return NULL;
        }
      for (guint j = 0; j < G_N_ELEMENTS (member_states); j++)
        if (g_str_equal (canonical, member_states[j].code))
          present[j] = TRUE;
    }

  for (guint j = 0; j < G_N_ELEMENTS (member_states); j++)
    if (present[j])
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", member_states[j].code);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cf_member_states_describe:
 * @codes: (nullable): normalised codes, "DE FR"
 *
 * Returns: (transfer full): "Germany (DE), France (FR)", or "" for none
 */
char *
cf_member_states_describe (const char *codes)
{
  g_auto(GStrv) items = g_strsplit (codes ? codes : "", " ", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *name = cf_member_state_name (items[i]);

      if (name == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, "%s (%s)", name, items[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
