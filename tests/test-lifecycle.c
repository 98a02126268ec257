/* test-lifecycle.c — the dates that follow from placing a product on the market
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cf-lifecycle.h"

static CfCatalogue *catalogue;

static CfProduct *
product_new (const char *placed,
             const char *support_end,
             const char *rationale)
{
  CfProduct *product = cf_product_new ();

  cf_record_set_field (CF_RECORD (product), "name", "Door lock");
  if (placed != NULL)
    cf_record_set_field (CF_RECORD (product), "placed-on-market", placed);
  if (support_end != NULL)
    cf_record_set_field (CF_RECORD (product), "support-end", support_end);
  if (rationale != NULL)
    cf_record_set_field (CF_RECORD (product), "support-rationale", rationale);

  return product;
}

static CfLifecycle *
compute (CfProduct *product)
{
  g_autoptr(GDate) today = g_date_new_dmy (21, G_DATE_NOVEMBER, 2026);

  return cf_lifecycle_compute (catalogue, product, today);
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  g_autofree char *iso = NULL;

  g_assert_nonnull (date);
  iso = cf_date_to_iso (date);
  g_assert_cmpstr (iso, ==, expected);
}

static CfKeyDate *
key_date (CfLifecycle *lc,
          guint        i)
{
  return g_ptr_array_index (lc->key_dates, i);
}

/* Article 71(2): Chapter IV from 11 June 2026, Article 14 from 11 September
 * 2026, everything else from 11 December 2027; in that order. */
static void
test_key_dates (void)
{
  static const struct {
    const char *id;
    const char *date;
    gboolean    passed;   /* on 21 November 2026 */
  } expected[] = {
    { "Date.notified-bodies", "2026-06-11", TRUE },
    { "Date.reporting", "2026-09-11", TRUE },
    { "Date.application", "2027-12-11", FALSE },
  };
  g_autoptr(CfLifecycle) lc = compute (NULL);

  g_assert_cmpuint (lc->key_dates->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      CfKeyDate *key = key_date (lc, i);

      g_assert_cmpstr (key->id, ==, expected[i].id);
      assert_date (key->date, expected[i].date);
      g_assert_cmpint (key->passed, ==, expected[i].passed);
      g_assert_cmpstr (key->ref, ==, "Article 71(2)");
      g_assert_nonnull (key->label);
    }

  /* Without a product there is nothing else to work out. */
  g_assert_null (lc->placed_on_market);
  g_assert_null (lc->retention_until);
}

/* The catalogue's order does not matter: the dates come out by date. */
static void
test_key_dates_sorted (void)
{
  const char *srcdir = g_getenv ("CONFORMITY_SRCDIR");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *application = NULL;
  g_autoptr(GString) xml = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCatalogue) shuffled = NULL;
  g_autoptr(CfLifecycle) lc = NULL;
  const char *start;
  const char *end;

  g_assert_nonnull (srcdir);
  path = g_build_filename (srcdir, "data", "cra-catalogue.xml", NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  xml = g_string_new (contents);

  /* Move the last key date, 11 December 2027, before the first. */
  start = strstr (xml->str, "<item id=\"Date.application\"");
  g_assert_nonnull (start);
  end = strstr (start, "</item>");
  g_assert_nonnull (end);
  end += strlen ("</item>");
  application = g_strndup (start, end - start);
  g_string_erase (xml, start - xml->str, end - start);
  start = strstr (xml->str, "<item id=\"Date.notified-bodies\"");
  g_assert_nonnull (start);
  g_string_insert (xml, start - xml->str, application);

  bytes = g_bytes_new (xml->str, xml->len);
  shuffled = cf_catalogue_load_bytes (bytes, "cra-catalogue-shuffled.xml", &error);
  g_assert_no_error (error);
  lc = cf_lifecycle_compute (shuffled, NULL, NULL);

  g_assert_cmpuint (lc->key_dates->len, ==, 3);
  g_assert_cmpstr (key_date (lc, 0)->id, ==, "Date.notified-bodies");
  g_assert_cmpstr (key_date (lc, 1)->id, ==, "Date.reporting");
  g_assert_cmpstr (key_date (lc, 2)->id, ==, "Date.application");
  /* Without a today, nothing has passed. */
  for (guint i = 0; i < lc->key_dates->len; i++)
    g_assert_false (key_date (lc, i)->passed);
}

/* A date applies from that day on: on the day itself it has passed. */
static void
test_key_dates_passed (void)
{
  static const struct {
    guint    day;
    guint    month;
    guint    year;
    gboolean passed[3];
  } cases[] = {
    { 10, 6, 2026, { FALSE, FALSE, FALSE } },
    { 11, 6, 2026, { TRUE, FALSE, FALSE } },
    { 10, 9, 2026, { TRUE, FALSE, FALSE } },
    { 11, 9, 2026, { TRUE, TRUE, FALSE } },
    { 10, 12, 2027, { TRUE, TRUE, FALSE } },
    { 11, 12, 2027, { TRUE, TRUE, TRUE } },
    { 1, 1, 2030, { TRUE, TRUE, TRUE } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GDate) today = g_date_new_dmy (cases[c].day, cases[c].month, cases[c].year);
      g_autoptr(CfLifecycle) lc = cf_lifecycle_compute (catalogue, NULL, today);

      g_assert_cmpuint (lc->key_dates->len, ==, 3);
      for (guint i = 0; i < 3; i++)
        if (key_date (lc, i)->passed != cases[c].passed[i])
          g_error ("on %u-%02u-%02u, %s should %shave passed", cases[c].year, cases[c].month,
                   cases[c].day, key_date (lc, i)->id, cases[c].passed[i] ? "" : "not ");
    }
}

/* Article 13(8) and (13): what the catalogue says the law says. */
static void
test_minimums (void)
{
  g_autoptr(CfLifecycle) lc = compute (NULL);

  g_assert_cmpint (lc->minimum_support_years, ==, 5);
  g_assert_cmpint (lc->retention_years, ==, 10);
}

/* Article 13(8): the support period is at least five years, unless the
 * product is expected to be in use for less, which must then be explained. */
typedef struct
{
  const char *name;
  const char *placed;
  const char *support_end;
  const char *rationale;
  int         months;
  gboolean    shorter;
  gboolean    needs_rationale;
  gboolean    ends_before_placing;
} SupportCase;

static const SupportCase support_cases[] = {
  { "exactly-five-years", "2027-03-15", "2032-03-15", NULL, 60, FALSE, FALSE, FALSE },
  { "ten-years", "2027-03-15", "2037-03-15", NULL, 120, FALSE, FALSE, FALSE },
  { "four-years-eleven-months", "2027-03-15", "2032-02-15", NULL, 59, TRUE, TRUE, FALSE },
  { "one-day-short", "2027-03-15", "2032-03-14", NULL, 59, TRUE, TRUE, FALSE },
  { "short-with-rationale", "2027-03-15", "2032-02-15",
    "Expected to be in use for four years and eleven months (Article 13(8)).",
    59, TRUE, FALSE, FALSE },
  { "blank-rationale", "2027-03-15", "2030-03-15", "   ", 36, TRUE, TRUE, FALSE },
  { "two-years-one-month", "2028-01-31", "2030-02-28", "Short-lived.", 24, TRUE, FALSE, FALSE },
  /* Reversed dates are their own problem, not a short support period. */
  { "ends-before-placing", "2027-03-15", "2026-03-15", NULL, -12, FALSE, FALSE, TRUE },
};

static void
test_support (gconstpointer data)
{
  const SupportCase *c = data;
  g_autoptr(CfProduct) product = product_new (c->placed, c->support_end, c->rationale);
  g_autoptr(CfLifecycle) lc = compute (product);

  assert_date (lc->placed_on_market, c->placed);
  assert_date (lc->support_end, c->support_end);
  g_assert_cmpint (lc->support_months, ==, c->months);
  g_assert_cmpint (lc->support_shorter_than_minimum, ==, c->shorter);
  g_assert_cmpint (lc->support_needs_rationale, ==, c->needs_rationale);
  g_assert_cmpint (lc->support_ends_before_placing, ==, c->ends_before_placing);
}

/* Article 13(13): ten years after placing on the market, or the support
 * period, whichever is longer. */
static void
test_retention (void)
{
  static const struct {
    const char *placed;
    const char *support_end;
    const char *until;
  } cases[] = {
    { "2027-03-15", "2032-03-15", "2037-03-15" },
    { "2027-03-15", NULL, "2037-03-15" },
    { "2027-01-01", "2040-06-30", "2040-06-30" },
    { "2027-01-01", "2037-01-01", "2037-01-01" },
    { "2027-01-01", "2037-01-02", "2037-01-02" },
    { "2028-02-29", NULL, "2038-02-28" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CfProduct) product = product_new (cases[i].placed, cases[i].support_end, NULL);
      g_autoptr(CfLifecycle) lc = compute (product);

      assert_date (lc->retention_until, cases[i].until);
    }
}

/* Article 69(2): a product placed on the market before 11 December 2027 is
 * subject to the Regulation only once substantially modified. */
static void
test_placed_before_application (void)
{
  static const struct {
    const char *placed;
    gboolean    before;
  } cases[] = {
    { "2025-01-01", TRUE },
    { "2027-12-10", TRUE },
    { "2027-12-11", FALSE },
    { "2027-12-12", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CfProduct) product = product_new (cases[i].placed, NULL, NULL);
      g_autoptr(CfLifecycle) lc = compute (product);

      if (lc->placed_before_application != cases[i].before)
        g_error ("placed on %s: placed_before_application should be %s", cases[i].placed,
                 cases[i].before ? "TRUE" : "FALSE");
    }
}

/* Article 13(19): the end of support is shown with at least its month and
 * year. The tests run with LC_ALL=C.UTF-8, so the month is in English. */
static void
test_end_of_support_label (void)
{
  static const struct {
    const char *support_end;
    const char *label;
  } cases[] = {
    { "2032-03-31", "March 2032" },
    { "2032-03-01", "March 2032" },
    { "2031-12-31", "December 2031" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CfProduct) product = product_new (NULL, cases[i].support_end, NULL);
      g_autoptr(CfLifecycle) lc = compute (product);

      g_assert_cmpstr (lc->end_of_support_label, ==, cases[i].label);
      /* Without the date of placing there is no period to measure. */
      g_assert_cmpint (lc->support_months, ==, -1);
      g_assert_null (lc->retention_until);
    }
}

static void
test_no_dates (void)
{
  g_autoptr(CfProduct) product = product_new (NULL, NULL, NULL);
  g_autoptr(CfProduct) invalid = product_new ("2027-02-30", "soon", NULL);
  CfProduct *products[] = { product, invalid };

  for (guint i = 0; i < G_N_ELEMENTS (products); i++)
    {
      g_autoptr(CfLifecycle) lc = compute (products[i]);

      g_assert_null (lc->placed_on_market);
      g_assert_null (lc->support_end);
      g_assert_null (lc->retention_until);
      g_assert_null (lc->end_of_support_label);
      g_assert_cmpint (lc->support_months, ==, -1);
      g_assert_false (lc->support_shorter_than_minimum);
      g_assert_false (lc->support_needs_rationale);
      g_assert_false (lc->support_ends_before_placing);
      g_assert_false (lc->placed_before_application);
      g_assert_cmpuint (lc->key_dates->len, ==, 3);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  catalogue = cf_catalogue_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/lifecycle/key-dates", test_key_dates);
  g_test_add_func ("/lifecycle/key-dates/passed", test_key_dates_passed);
  g_test_add_func ("/lifecycle/key-dates/sorted", test_key_dates_sorted);
  g_test_add_func ("/lifecycle/minimums", test_minimums);
  for (guint i = 0; i < G_N_ELEMENTS (support_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/lifecycle/support/", support_cases[i].name, NULL);

      g_test_add_data_func (path, &support_cases[i], test_support);
    }
  g_test_add_func ("/lifecycle/retention", test_retention);
  g_test_add_func ("/lifecycle/placed-before-application", test_placed_before_application);
  g_test_add_func ("/lifecycle/end-of-support-label", test_end_of_support_label);
  g_test_add_func ("/lifecycle/no-dates", test_no_dates);

  status = g_test_run ();

  g_clear_object (&catalogue);

  return status;
}
