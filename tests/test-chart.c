/* test-chart.c — the risk heat map and the readiness overview
 *
 * The charts are checked by their pixels: each cell and chip must carry
 * its colour where the layout helpers say it is.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "cf-chart.h"

static const CfChartBand bands[] = {
  { "low", "Low", 1, 4 },
  { "medium", "Medium", 5, 9 },
  { "high", "High", 10, 15 },
  { "critical", "Critical", 16, 25 },
};

static const CfChartPoint points[] = {
  { 2, 3, "T1" },
  { 4, 4, "T2" },
  { 4, 4, "T3" },
  { 5, 5, "T4" },
};

static const CfHeatmap heatmap = {
  .title = "Residual risk",
  .likelihood_title = "Likelihood",
  .impact_title = "Impact",
  .likelihood_labels = { "Rare", "Unlikely", "Possible", "Likely", "Almost certain" },
  .impact_labels = { "Negligible", "Minor", "Moderate", "Major", "Catastrophic" },
  .bands = bands,
  .n_bands = G_N_ELEMENTS (bands),
  .points = points,
  .n_points = G_N_ELEMENTS (points),
};

/* 22 rows: 4 not assessed, 2 not applicable, 3 not started, 4 in
 * progress, 5 implemented and 4 verified; so 16 apply. */
#define NA CF_CHART_STATUS_NOT_ASSESSED
#define NP CF_CHART_STATUS_NOT_APPLICABLE
#define NS CF_CHART_STATUS_NOT_STARTED
#define IP CF_CHART_STATUS_IN_PROGRESS
#define IM CF_CHART_STATUS_IMPLEMENTED
#define VE CF_CHART_STATUS_VERIFIED

static const CfChartRow rows[] = {
  { "(1)", "Appropriate level of cybersecurity", VE },
  { "(2)(a)", "No known exploitable vulnerabilities", NS },
  { "(2)(b)", "Secure by default configuration", IM },
  { "(2)(c)", "Security updates", IP },
  { "(2)(d)", "Protection from unauthorised access", VE },
  { "(2)(e)", "Confidentiality of data", IM },
  { "(2)(f)", "Integrity of data and commands", NA },
  { "(2)(g)", "Data minimisation", NP },
  { "(2)(h)", "Availability of essential functions", IP },
  { "(2)(i)", "Minimise impact on other devices", NS },
  { "(2)(j)", "Limit attack surfaces", IM },
  { "(2)(k)", "Reduce the impact of an incident", NA },
  { "(2)(l)", "Security information by recording activity", VE },
  { "(2)(m)", "Remove data and settings securely", NP },
  { "II(1)", "Identify and document components (SBOM)", IM },
  { "II(2)", "Address and remediate vulnerabilities", IP },
  { "II(3)", "Regular tests and reviews", NS },
  { "II(4)", "Disclose fixed vulnerabilities", NA },
  { "II(5)", "Coordinated vulnerability disclosure policy", VE },
  { "II(6)", "Share information on vulnerabilities", IP },
  { "II(7)", "Distribute updates securely", IM },
  { "II(8)", "Disseminate security updates without delay", NA },
};

static const CfReadinessChart readiness = {
  .title = "Essential requirements",
  .status_labels = { "Not assessed", "Not applicable", "Not started", "In progress",
                     "Implemented", "Verified" },
  .assessed_label = "Assessed",
  .implemented_label = "Implemented",
  .verified_label = "Verified",
  .rows = rows,
  .n_rows = G_N_ELEMENTS (rows),
};

static cairo_surface_t *
render_heatmap (const CfHeatmap *map,
                int              width,
                int              height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cf_chart_draw_heatmap (cr, width, height, map);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static cairo_surface_t *
render_readiness (const CfReadinessChart *chart,
                  int                     width,
                  int                     height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cf_chart_draw_readiness (cr, width, height, chart);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* The pixel as 0xRRGGBB; the charts paint everything opaque. */
static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int ix = (int) floor (x);
  int iy = (int) floor (y);
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 argb;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));

  argb = *(const guint32 *) (data + iy * stride + ix * 4);
  g_assert_cmphex (argb >> 24, ==, 0xff);

  return argb & 0xffffff;
}

static guint32
band_pixel (const char *band_id)
{
  double r, g, b;

  cf_chart_band_color (band_id, &r, &g, &b);
  return ((guint32) round (r * 255) << 16) | ((guint32) round (g * 255) << 8)
         | (guint32) round (b * 255);
}

static gboolean
same_color (guint32 a,
            guint32 b)
{
  for (int shift = 0; shift <= 16; shift += 8)
    {
      if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 2)
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_dark (guint32 rgb)
{
  return ((rgb >> 16) & 0xff) < 90 && ((rgb >> 8) & 0xff) < 90 && (rgb & 0xff) < 90;
}

static void
test_band_lookup (void)
{
  static const struct {
    int         score;
    const char *band;
  } cases[] = {
    { 1, "low" }, { 4, "low" }, { 5, "medium" }, { 9, "medium" }, { 10, "high" },
    { 15, "high" }, { 16, "critical" }, { 25, "critical" }, { 0, NULL }, { 26, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CfChartBand *band = cf_chart_band_for_score (bands, G_N_ELEMENTS (bands),
                                                         cases[i].score);

      if (cases[i].band == NULL && band != NULL)
        g_error ("score %d is in band %s, not in none", cases[i].score, band->id);
      if (cases[i].band != NULL && band == NULL)
        g_error ("score %d is in no band, not in %s", cases[i].score, cases[i].band);
      if (band != NULL)
        g_assert_cmpstr (band->id, ==, cases[i].band);
    }

  g_assert_null (cf_chart_band_for_score (NULL, 0, 5));
}

static void
test_band_colors (void)
{
  const char *ids[] = { "low", "medium", "high", "critical" };

  g_assert_cmphex (band_pixel ("low"), ==, 0x2ec27e);
  g_assert_cmphex (band_pixel ("critical"), ==, 0xe01b24);

  /* Unknown bands are grey, and the four real ones all differ. */
  g_assert_cmphex (band_pixel ("bogus"), ==, band_pixel (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      guint32 rgb = band_pixel (ids[i]);

      g_assert_cmphex (rgb, !=, band_pixel ("bogus"));
      for (guint j = i + 1; j < G_N_ELEMENTS (ids); j++)
        g_assert_cmphex (rgb, !=, band_pixel (ids[j]));
    }
}

static void
check_cells (int width,
             int height)
{
  cairo_surface_t *surface = render_heatmap (&heatmap, width, height);

  for (int impact = 1; impact <= CF_CHART_SCALE; impact++)
    {
      for (int likelihood = 1; likelihood <= CF_CHART_SCALE; likelihood++)
        {
          const CfChartBand *band = cf_chart_band_for_score (bands, G_N_ELEMENTS (bands),
                                                             likelihood * impact);
          double x, y, w, h, inset;
          guint32 found, expected;

          g_assert_true (cf_chart_heatmap_cell (width, height, likelihood, impact,
                                                &x, &y, &w, &h));
          g_assert_cmpfloat (w, >=, 20);
          g_assert_cmpfloat (h, >=, 20);
          g_assert_cmpfloat (x + w, <=, width);
          g_assert_cmpfloat (y + h, <=, height);

          /* Inside the bottom-right corner: past any border, below any text. */
          inset = MAX (4, MIN (w, h) * 0.04);
          found = pixel_at (surface, x + w - inset, y + h - inset);
          expected = band_pixel (band->id);
          if (!same_color (found, expected))
            g_error ("%dx%d: cell (%d, %d) is #%06x, not %s #%06x", width, height,
                     likelihood, impact, found, band->id, expected);
        }
    }

  cairo_surface_destroy (surface);
}

static void
test_heatmap_cells (void)
{
  check_cells (600, 500);
  check_cells (300, 260);
  check_cells (2000, 1600);
}

static void
test_heatmap_cell_range (void)
{
  double x = -1, y = -1, w = -1, h = -1;
  double x2, y2, w2, h2;

  g_assert_false (cf_chart_heatmap_cell (600, 500, 0, 3, &x, &y, &w, &h));
  g_assert_false (cf_chart_heatmap_cell (600, 500, 3, 6, &x, &y, &w, &h));
  g_assert_false (cf_chart_heatmap_cell (600, 500, 6, 1, &x, &y, &w, &h));
  g_assert_false (cf_chart_heatmap_cell (600, 500, 1, 0, &x, &y, &w, &h));
  g_assert_cmpfloat (x, ==, -1);

  /* Neighbours do not overlap: likelihood grows right, impact up. */
  g_assert_true (cf_chart_heatmap_cell (600, 500, 2, 2, &x, &y, &w, &h));
  g_assert_true (cf_chart_heatmap_cell (600, 500, 3, 3, &x2, &y2, &w2, &h2));
  g_assert_cmpfloat (x + w, <=, x2);
  g_assert_cmpfloat (y2 + h2, <=, y);
}

static void
check_threat_border (int width,
                     int height)
{
  cairo_surface_t *surface = render_heatmap (&heatmap, width, height);
  double x, y, w, h;

  /* (2, 3) holds T1: dark on its left and bottom edges, away from text. */
  g_assert_true (cf_chart_heatmap_cell (width, height, 2, 3, &x, &y, &w, &h));
  g_assert_true (is_dark (pixel_at (surface, x + 1, y + h - 5)));
  g_assert_true (is_dark (pixel_at (surface, x + w / 2, y + h - 1)));

  /* (3, 3) is empty: the same places have the band colour. */
  g_assert_true (cf_chart_heatmap_cell (width, height, 3, 3, &x, &y, &w, &h));
  g_assert_true (same_color (pixel_at (surface, x + 1, y + h - 5), band_pixel ("medium")));
  g_assert_true (same_color (pixel_at (surface, x + w / 2, y + h - 1), band_pixel ("medium")));

  cairo_surface_destroy (surface);
}

static void
test_heatmap_threat_border (void)
{
  check_threat_border (600, 500);
  check_threat_border (300, 260);
}

static void
test_heatmap_orientation (void)
{
  static const int sizes[][2] = { { 600, 500 }, { 240, 200 }, { 2000, 1600 }, { 800, 300 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      double width = sizes[i][0];
      double height = sizes[i][1];
      double x, y, w, h;

      g_assert_true (cf_chart_heatmap_cell (width, height, 1, 1, &x, &y, &w, &h));
      g_assert_cmpfloat (x + w / 2, <, width / 2);
      g_assert_cmpfloat (y + h / 2, >, height / 2);

      g_assert_true (cf_chart_heatmap_cell (width, height, 5, 5, &x, &y, &w, &h));
      g_assert_cmpfloat (x + w / 2, >, width / 2);
      g_assert_cmpfloat (y + h / 2, <, height / 2);
    }
}

static void
test_readiness_shares (void)
{
  static const CfChartRow none_apply[] = {
    { "(1)", "A", NA },
    { "(2)", "B", NP },
  };
  CfReadinessChart chart = { 0 };
  double assessed = -1, implemented = -1, verified = -1;

  /* 18 of 22 assessed; 9 of the 16 that apply implemented, 4 verified. */
  cf_chart_readiness_shares (&readiness, &assessed, &implemented, &verified);
  g_assert_cmpfloat_with_epsilon (assessed, 18.0 / 22.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (implemented, 9.0 / 16.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (verified, 4.0 / 16.0, 1e-9);

  /* Nothing applies: no division by zero. */
  chart.rows = none_apply;
  chart.n_rows = G_N_ELEMENTS (none_apply);
  cf_chart_readiness_shares (&chart, &assessed, &implemented, &verified);
  g_assert_cmpfloat (assessed, ==, 0.5);
  g_assert_cmpfloat (implemented, ==, 0);
  g_assert_cmpfloat (verified, ==, 0);

  chart.n_rows = 0;
  cf_chart_readiness_shares (&chart, &assessed, &implemented, &verified);
  g_assert_cmpfloat (assessed, ==, 0);
}

static guint32
chip_pixel (cairo_surface_t *surface,
            guint            row_index)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  double x, y, w, h;

  g_assert_true (cf_chart_readiness_chip (width, height, G_N_ELEMENTS (rows), row_index,
                                          &x, &y, &w, &h));
  g_assert_cmpfloat (x + w, <=, width);
  g_assert_cmpfloat (y + h, <=, height);

  /* Left of the centred status text, inside the rounded end. */
  return pixel_at (surface, x + h / 2, y + h / 2);
}

static void
check_chips (int width,
             int height)
{
  cairo_surface_t *surface = render_readiness (&readiness, width, height);
  guint32 verified, not_started, implemented;

  verified = chip_pixel (surface, 0);
  not_started = chip_pixel (surface, 1);
  implemented = chip_pixel (surface, 2);

  g_assert_cmphex (verified, !=, not_started);
  g_assert_true (same_color (verified, 0x26a269));
  g_assert_true (same_color (not_started, 0xe01b24));
  g_assert_true (same_color (implemented, 0x3584e4));

  /* No chip for a row that does not exist. */
  g_assert_false (cf_chart_readiness_chip (width, height, G_N_ELEMENTS (rows),
                                           G_N_ELEMENTS (rows), NULL, NULL, NULL, NULL));

  cairo_surface_destroy (surface);
}

static void
test_readiness_chips (void)
{
  /* At this size every row fits. */
  g_assert_cmpuint (cf_chart_readiness_n_shown (600, 450, G_N_ELEMENTS (rows)), ==,
                    G_N_ELEMENTS (rows));

  check_chips (600, 450);
  check_chips (300, 240);
  check_chips (1600, 1200);
}

static gboolean
band_has_ink (cairo_surface_t *surface,
              double           x,
              double           y,
              double           width,
              double           height)
{
  for (int py = (int) y; py < (int) (y + height); py++)
    {
      for (int px = (int) x; px < (int) (x + width); px++)
        {
          if (pixel_at (surface, px, py) != 0xffffff)
            return TRUE;
        }
    }

  return FALSE;
}

static void
test_readiness_overflow (void)
{
  cairo_surface_t *surface = render_readiness (&readiness, 300, 200);
  guint shown = cf_chart_readiness_n_shown (300, 200, G_N_ELEMENTS (rows));
  double x, y, w, h;

  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shown, <, G_N_ELEMENTS (rows));
  g_assert_false (cf_chart_readiness_row (300, 200, G_N_ELEMENTS (rows), shown,
                                          NULL, NULL, NULL, NULL));

  /* The last row shown fits, and the "+N more" line below it has ink. */
  g_assert_true (cf_chart_readiness_row (300, 200, G_N_ELEMENTS (rows), shown - 1,
                                         &x, &y, &w, &h));
  g_assert_cmpfloat (y + 2 * h, <=, 200);
  g_assert_true (band_has_ink (surface, x, y + h + 1, w / 3, h - 1));

  /* Nothing below it. */
  g_assert_false (band_has_ink (surface, 0, y + 2 * h + 1, 300, 200 - (y + 2 * h + 1)));

  cairo_surface_destroy (surface);

  /* Even a strip too small for one row draws without error. */
  surface = render_readiness (&readiness, 300, 60);
  g_assert_cmpuint (cf_chart_readiness_n_shown (300, 60, G_N_ELEMENTS (rows)), ==, 0);
  cairo_surface_destroy (surface);
}

static cairo_status_t
read_bytes_cb (void          *closure,
               unsigned char *data,
               unsigned int   length)
{
  GInputStream *stream = closure;

  if (!g_input_stream_read_all (stream, data, length, NULL, NULL, NULL))
    return CAIRO_STATUS_READ_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static void
check_png (GBytes *png,
           int     width,
           int     height)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GInputStream) stream = NULL;
  cairo_surface_t *surface;
  gsize size;
  const guchar *data = g_bytes_get_data (png, &size);

  g_assert_cmpuint (size, >, sizeof signature);
  g_assert_cmpmem (data, sizeof signature, signature, sizeof signature);

  stream = g_memory_input_stream_new_from_bytes (png);
  surface = cairo_image_surface_create_from_png_stream (read_bytes_cb, stream);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  cairo_surface_destroy (surface);
}

static void
test_png (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) map = NULL;
  g_autoptr(GBytes) chart = NULL;

  map = cf_chart_heatmap_to_png (&heatmap, 640, 480, &error);
  g_assert_no_error (error);
  check_png (map, 640, 480);

  chart = cf_chart_readiness_to_png (&readiness, 500, 700, &error);
  g_assert_no_error (error);
  check_png (chart, 500, 700);
}

static void
map_ok (int width,
        int height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = cf_chart_heatmap_to_png (&heatmap, width, height, &error);

  g_assert_no_error (error);
  check_png (png, width, height);
}

static void
test_png_refused (void)
{
  static const struct {
    int         width;
    int         height;
    const char *named;   /* the message must name the size */
  } cases[] = {
    { 50, 400, "50" }, { 400, 50, "50" }, { 9000, 400, "9000" }, { 400, 9000, "9000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) error2 = NULL;
      g_autoptr(GBytes) map = NULL;
      g_autoptr(GBytes) chart = NULL;

      map = cf_chart_heatmap_to_png (&heatmap, cases[i].width, cases[i].height, &error);
      g_assert_null (map);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, cases[i].named));

      chart = cf_chart_readiness_to_png (&readiness, cases[i].width, cases[i].height, &error2);
      g_assert_null (chart);
      g_assert_error (error2, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error2->message, cases[i].named));
    }

  /* The bounds themselves are fine. */
  map_ok (100, 100);
  map_ok (8000, 100);
}

static void
test_utf8 (void)
{
  static const CfChartBand utf8_bands[] = {
    { "low", "Niskie ryzyko", 1, 4 },
    { "medium", "Μέτριος", 5, 9 },
    { "high", "Висок", 10, 15 },
    { "critical", "Krytyczne — natychmiast", 16, 25 },
  };
  static const CfChartPoint utf8_points[] = {
    { 1, 1, "Zakład Łódź" },
    { 3, 4, "Ελληνική" },
    { 5, 2, "България" },
    { 5, 2, "Ж1" }, { 5, 2, "Ж2" }, { 5, 2, "Ж3" }, { 5, 2, "Ж4" }, { 5, 2, "Ж5" },
    { 5, 2, "Ж6" }, { 5, 2, "Ж7" }, { 5, 2, "Ж8" }, { 5, 2, "Ж9" },
    /* Out of range: ignored, not drawn outside the grid. */
    { 0, 7, "X" },
    /* Broken UTF-8 must not put the cairo_t in an error state. */
    { 2, 2, "\xc5\x81\xff" },
  };
  static const CfChartRow utf8_rows[] = {
    { "(1)", "Zakład Łódź — zapewnienie odpowiedniego poziomu cyberbezpieczeństwa", VE },
    { "(2)(a)", "Ελληνική: χωρίς γνωστές εκμεταλλεύσιμες ευπάθειες", IP },
    { "(2)(b)", "България: сигурна конфигурация по подразбиране", NP },
  };
  CfHeatmap map = heatmap;
  CfReadinessChart chart = readiness;
  static const int sizes[][2] = { { 240, 200 }, { 600, 450 }, { 1200, 900 } };

  map.title = "Ryzyko rezydualne — Zakład Łódź";
  map.likelihood_title = "Πιθανότητα";
  map.impact_title = "Въздействие";
  map.bands = utf8_bands;
  map.points = utf8_points;
  map.n_points = G_N_ELEMENTS (utf8_points);

  chart.title = "Ελληνική · България · Łódź";
  chart.status_labels[CF_CHART_STATUS_NOT_APPLICABLE] = "Неприложимо изискване";
  chart.assessed_label = "Оценени";
  chart.rows = utf8_rows;
  chart.n_rows = G_N_ELEMENTS (utf8_rows);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      cairo_surface_t *surface = render_heatmap (&map, sizes[i][0], sizes[i][1]);

      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);

      surface = render_readiness (&chart, sizes[i][0], sizes[i][1]);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/chart/band/lookup", test_band_lookup);
  g_test_add_func ("/chart/band/colors", test_band_colors);
  g_test_add_func ("/chart/heatmap/cells", test_heatmap_cells);
  g_test_add_func ("/chart/heatmap/cell-range", test_heatmap_cell_range);
  g_test_add_func ("/chart/heatmap/threat-border", test_heatmap_threat_border);
  g_test_add_func ("/chart/heatmap/orientation", test_heatmap_orientation);
  g_test_add_func ("/chart/readiness/shares", test_readiness_shares);
  g_test_add_func ("/chart/readiness/chips", test_readiness_chips);
  g_test_add_func ("/chart/readiness/overflow", test_readiness_overflow);
  g_test_add_func ("/chart/png/decode", test_png);
  g_test_add_func ("/chart/png/refused", test_png_refused);
  g_test_add_func ("/chart/utf8", test_utf8);

  return g_test_run ();
}
