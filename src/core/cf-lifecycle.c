/* cf-lifecycle.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-lifecycle"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-field.h"
#include "cf-lifecycle.h"

#define DATES_SECTION "Dates"

static void
key_date_free (gpointer data)
{
  CfKeyDate *key = data;

  g_free (key->id);
  g_free (key->label);
  g_free (key->ref);
  g_date_free (key->date);
  g_free (key);
}

void
cf_lifecycle_free (CfLifecycle *lifecycle)
{
  if (lifecycle == NULL)
    return;

  g_ptr_array_unref (lifecycle->key_dates);
  g_clear_pointer (&lifecycle->placed_on_market, g_date_free);
  g_clear_pointer (&lifecycle->support_end, g_date_free);
  g_clear_pointer (&lifecycle->retention_until, g_date_free);
  g_free (lifecycle->end_of_support_label);
  g_free (lifecycle);
}

/**
 * cf_date_to_iso:
 *
 * Returns: (transfer full): "YYYY-MM-DD"
 */
char *
cf_date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static int
section_int (CfCatalogue *catalogue,
             const char  *name,
             int          fallback)
{
  const char *value = cf_catalogue_get_section_attribute (catalogue, DATES_SECTION, name);

  return value ? (int) g_ascii_strtoll (value, NULL, 10) : fallback;
}

static int
compare_key_dates (gconstpointer a,
                   gconstpointer b)
{
  return g_date_compare ((*(CfKeyDate **) a)->date, (*(CfKeyDate **) b)->date);
}

static GDate *
add_years (const GDate *date,
           int          years)
{
  GDate *result = g_date_copy (date);

  g_date_add_years (result, years);
  return result;
}

/**
 * cf_lifecycle_compute:
 * @today: what "passed" is measured against
 *
 * Works out, from the catalogue's key dates and the product's dates of
 * placing on the market and of the end of support: which application dates
 * have passed, whether Article 69(2) spares a product placed on the market
 * before 11 December 2027, whether the support period reaches the minimum
 * of Article 13(8), the end of support as month and year (Article 13(19)),
 * and until when the documentation must be kept (Article 13(13)).
 *
 * Returns: (transfer full): the dates
 */
CfLifecycle *
cf_lifecycle_compute (CfCatalogue *catalogue,
                      CfProduct   *product,
                      const GDate *today)
{
  CfLifecycle *lc = g_new0 (CfLifecycle, 1);
  GListModel *items = cf_catalogue_get_items (catalogue, DATES_SECTION);
  GDate *application = NULL;

  g_return_val_if_fail (CF_IS_CATALOGUE (catalogue), lc);

  lc->key_dates = g_ptr_array_new_with_free_func (key_date_free);
  lc->minimum_support_years = section_int (catalogue, "support-period-min-years", 5);
  lc->retention_years = section_int (catalogue, "retention-years", 10);
  lc->support_months = -1;

  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CfCatalogueItem) item = g_list_model_get_item (items, i);
      GDate *date;
      CfKeyDate *key;

      if (g_strcmp0 (cf_catalogue_item_get_kind (item), "key-date") != 0)
        continue;
      date = cf_field_parse_date (cf_catalogue_item_get_attribute (item, "date"));
      if (date == NULL)
        continue;

      key = g_new0 (CfKeyDate, 1);
      key->id = g_strdup (cf_catalogue_item_get_id (item));
      key->label = g_strdup (cf_catalogue_item_get_label (item));
      key->ref = g_strdup (cf_catalogue_item_get_ref (item));
      key->date = date;
      key->passed = today != NULL && g_date_compare (date, today) <= 0;
      g_ptr_array_add (lc->key_dates, key);

      if (g_str_equal (key->id, "Date.application"))
        application = date;
    }
  g_ptr_array_sort (lc->key_dates, compare_key_dates);

  if (product == NULL)
    return lc;

  lc->placed_on_market = cf_field_parse_date (cf_record_get_field (CF_RECORD (product), "placed-on-market"));
  lc->support_end = cf_field_parse_date (cf_record_get_field (CF_RECORD (product), "support-end"));

  if (lc->placed_on_market != NULL && application != NULL)
    lc->placed_before_application = g_date_compare (lc->placed_on_market, application) < 0;

  if (lc->support_end != NULL)
    {
      g_autoptr(GDateTime) end = g_date_time_new_local (g_date_get_year (lc->support_end),
                                                        g_date_get_month (lc->support_end), 1, 0, 0, 0);

      /* Article 13(19): at least the month and the year. %OB is the month's
       * name on its own (nominative), which many languages inflect. */
      lc->end_of_support_label = g_date_time_format (end, "%OB %Y");
    }

  if (lc->placed_on_market != NULL && lc->support_end != NULL)
    {
      g_autoptr(GDate) minimum_end = add_years (lc->placed_on_market, lc->minimum_support_years);

      lc->support_ends_before_placing = g_date_compare (lc->support_end, lc->placed_on_market) < 0;
      lc->support_months = (g_date_get_year (lc->support_end) - g_date_get_year (lc->placed_on_market)) * 12 +
                           (int) g_date_get_month (lc->support_end) - (int) g_date_get_month (lc->placed_on_market);
      if (g_date_get_day (lc->support_end) < g_date_get_day (lc->placed_on_market))
        lc->support_months--;

      lc->support_shorter_than_minimum = !lc->support_ends_before_placing &&
                                         g_date_compare (lc->support_end, minimum_end) < 0;
      lc->support_needs_rationale = lc->support_shorter_than_minimum &&
                                    !cf_record_is_filled (CF_RECORD (product), "support-rationale");
    }

  /* Article 13(13): ten years after placing on the market, or the support
   * period, whichever is longer. */
  if (lc->placed_on_market != NULL)
    {
      lc->retention_until = add_years (lc->placed_on_market, lc->retention_years);
      if (lc->support_end != NULL && g_date_compare (lc->support_end, lc->retention_until) > 0)
        {
          g_date_free (lc->retention_until);
          lc->retention_until = g_date_copy (lc->support_end);
        }
    }

  return lc;
}
