/* cf-chart.c — the risk heat map and the readiness overview, drawn with Cairo
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-chart"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cf-chart.h"

/* DejaVu covers Latin, Greek and Cyrillic, and the PDFs embed it too. */
#define FONT_FAMILY    "DejaVu Sans"
#define MIN_FONT_SIZE  7.0
#define MAX_FONT_SIZE  40.0
#define MIN_PNG_SIZE   100
#define MAX_PNG_SIZE   8000

/* The GNOME palette, so the charts sit well on an Adwaita card. */
#define COLOR_BACKGROUND  0xffffff
#define COLOR_TEXT        0x241f31
#define COLOR_DIM         0x5e5c64
#define COLOR_SEPARATOR   0xdeddda
#define COLOR_TRACK       0xebebeb
#define COLOR_MARK        0x241f31
#define COLOR_UNKNOWN     0x9a9996
#define COLOR_ASSESSED    0x9141ac
#define COLOR_IMPLEMENTED 0x3584e4
#define COLOR_VERIFIED    0x26a269

typedef struct
{
  const char *id;
  guint32     rgb;
} BandColor;

static const BandColor band_colors[] = {
  { "low", 0x2ec27e },
  { "medium", 0xf6d32d },
  { "high", 0xff7800 },
  { "critical", 0xe01b24 },
};

typedef struct
{
  guint32  fill;
  guint32  text;
  gboolean outlined;
} ChipStyle;

static const ChipStyle chip_styles[] = {
  [CF_CHART_STATUS_NOT_ASSESSED] = { 0xc0bfbc, COLOR_TEXT, FALSE },
  [CF_CHART_STATUS_NOT_APPLICABLE] = { 0xf6f5f4, COLOR_DIM, TRUE },
  [CF_CHART_STATUS_NOT_STARTED] = { 0xe01b24, 0xffffff, FALSE },
  [CF_CHART_STATUS_IN_PROGRESS] = { 0xff7800, COLOR_TEXT, FALSE },
  [CF_CHART_STATUS_IMPLEMENTED] = { 0x3584e4, 0xffffff, FALSE },
  [CF_CHART_STATUS_VERIFIED] = { COLOR_VERIFIED, 0xffffff, FALSE },
};

/* Everything the heat map places depends on the size alone, so that
 * cf_chart_heatmap_cell() agrees with the drawing without a cairo_t. */
typedef struct
{
  double fs;              /* body text size */
  double margin;
  double line;            /* height of one line of body text */
  double title_size;
  double title_x;         /* in line with the chart when it is centred */
  double title_top;
  double grid_x;
  double grid_y;
  double pitch_w;         /* a cell and the gap after it */
  double pitch_h;
  double gap;
  double border;          /* of a cell holding threats */
  double ytick_right;
  double ytick_w;
  double ytitle_x;        /* centre of the rotated impact title */
  double xtick_y;         /* centre of the likelihood level labels */
  double xtitle_y;
  double legend_y;        /* top of the legend */
  guint  legend_rows;
} HeatmapLayout;

typedef struct
{
  double   fs;
  double   margin;
  double   title_size;
  double   title_top;
  gboolean columns;       /* summaries side by side, or stacked */
  double   summary_y;
  double   summary_line;
  double   col_w;
  double   col_gap;
  double   bar_h;
  double   rows_y;
  double   pitch;
  double   row_fs;
  guint    n_shown;
  gboolean more;          /* the last slot says "+N more" */
  double   chip_x;
  double   chip_w;
  double   chip_h;
} ReadinessLayout;

typedef struct
{
  guint total;
  guint assessed;
  guint apply;
  guint implemented;
  guint verified;
} Counts;

typedef void (*DrawFunc) (cairo_t       *cr,
                          double         width,
                          double         height,
                          gconstpointer  data);

static void
set_color (cairo_t *cr,
           guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static guint32
band_rgb (const char *band_id)
{
  for (guint i = 0; band_id != NULL && i < G_N_ELEMENTS (band_colors); i++)
    {
      if (g_str_equal (band_id, band_colors[i].id))
        return band_colors[i].rgb;
    }

  return COLOR_UNKNOWN;
}

static double
luminance (guint32 rgb)
{
  double c[3] = { ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0 };

  for (guint i = 0; i < 3; i++)
    c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/* White or dark text, whichever contrasts more with @fill (WCAG). */
static guint32
text_on (guint32 fill)
{
  double l = luminance (fill);
  double on_white = 1.05 / (l + 0.05);
  double on_dark = (l + 0.05) / (luminance (COLOR_TEXT) + 0.05);

  return on_white > on_dark ? 0xffffff : COLOR_TEXT;
}

static void
set_font (cairo_t  *cr,
          double    size,
          gboolean  bold)
{
  cairo_select_font_face (cr, FONT_FAMILY, CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
}

static double
text_width (cairo_t    *cr,
            const char *text)
{
  cairo_text_extents_t extents;

  cairo_text_extents (cr, text, &extents);
  return extents.x_advance;
}

/* The baseline that centres a line of the current font on @center_y. */
static double
baseline_for (cairo_t *cr,
              double   center_y)
{
  cairo_font_extents_t extents;

  cairo_font_extents (cr, &extents);
  return round (center_y + (extents.ascent - extents.descent) / 2.0);
}

/* Labels come from the user: one invalid byte would put the cairo_t in an
 * error state and stop every later drawing, so repair them first. */
static char *
valid_text (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  return g_utf8_make_valid (text, -1);
}

/* Returns @text, or its longest prefix that fits @max_width with an
 * ellipsis, or %NULL when not even the ellipsis fits. */
static char *
fit_text (cairo_t    *cr,
          const char *text,
          double      max_width)
{
  g_autofree char *valid = valid_text (text);
  char *best = NULL;
  glong low = 0;
  glong high;

  if (text_width (cr, valid) <= max_width)
    return g_steal_pointer (&valid);

  high = g_utf8_strlen (valid, -1) - 1;
  while (low <= high)
    {
      glong middle = (low + high) / 2;
      g_autofree char *prefix = g_utf8_substring (valid, 0, middle);
      char *candidate = g_strconcat (g_strchomp (prefix), "…", NULL);

      if (text_width (cr, candidate) <= max_width)
        {
          g_free (best);
          best = candidate;
          low = middle + 1;
        }
      else
        {
          g_free (candidate);
          high = middle - 1;
        }
    }

  return best;
}

/* Draws @text from @x, shortened to @max_width; returns the width used. */
static double
show_text (cairo_t    *cr,
           double      x,
           double      baseline,
           const char *text,
           double      max_width)
{
  g_autofree char *fitted = fit_text (cr, text, max_width);
  double used;

  if (fitted == NULL)
    return 0;

  used = text_width (cr, fitted);
  cairo_move_to (cr, x, baseline);
  cairo_show_text (cr, fitted);
  return used;
}

static void
show_text_right (cairo_t    *cr,
                 double      right,
                 double      baseline,
                 const char *text,
                 double      max_width)
{
  g_autofree char *fitted = fit_text (cr, text, max_width);

  if (fitted == NULL)
    return;

  cairo_move_to (cr, right - text_width (cr, fitted), baseline);
  cairo_show_text (cr, fitted);
}

static void
show_text_centered (cairo_t    *cr,
                    double      center_x,
                    double      baseline,
                    const char *text,
                    double      max_width)
{
  g_autofree char *fitted = fit_text (cr, text, max_width);

  if (fitted == NULL)
    return;

  cairo_move_to (cr, center_x - text_width (cr, fitted) / 2.0, baseline);
  cairo_show_text (cr, fitted);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2.0);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
paint_background (cairo_t *cr,
                  double   width,
                  double   height)
{
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  set_color (cr, COLOR_BACKGROUND);
  cairo_paint (cr);
}

static void
draw_title (cairo_t    *cr,
            double      width,
            double      x,
            double      margin,
            double      top,
            double      size,
            const char *title)
{
  if (title == NULL || *title == '\0')
    return;

  set_font (cr, size, TRUE);
  set_color (cr, COLOR_TEXT);
  show_text (cr, x, baseline_for (cr, top + size * 0.6), title, width - x - margin);
}

/* Heat map */

static void
heatmap_layout (double         width,
                double         height,
                HeatmapLayout *l)
{
  double top, bottom, left;
  double grid_w, grid_h, grid_bottom;

  l->fs = CLAMP (MIN (width / 52.0, height / 40.0), MIN_FONT_SIZE, MAX_FONT_SIZE);
  l->margin = round (l->fs * 1.1);
  l->line = round (l->fs * 1.45);
  l->title_size = round (l->fs * 1.3 * 2) / 2;
  l->title_top = l->margin;
  top = l->title_top + l->title_size * 1.2 + l->fs * 0.9;

  /* Four bands fit one line from about 30 em, shrinking a little. */
  l->legend_rows = width - 2 * l->margin >= l->fs * 30 ? 1 : 2;
  bottom = l->fs * 0.2 + 2 * l->line + l->fs * 0.5 + l->legend_rows * l->line + l->margin;

  l->ytick_w = round (CLAMP (width * 0.19, l->fs * 3, l->fs * 10));
  left = l->margin + l->line + l->fs * 0.3 + l->ytick_w + l->fs * 0.6;

  l->gap = MAX (2, round (l->fs * 0.2));
  l->border = MAX (2, round (l->fs * 0.18));

  /* The last cell has no gap after it. */
  grid_w = MAX (0, width - left - l->margin + l->gap);
  grid_h = MAX (0, height - top - bottom + l->gap);
  l->pitch_w = floor (grid_w / CF_CHART_SCALE);
  l->pitch_h = floor (grid_h / CF_CHART_SCALE);

  /* Very wide or very tall cells read badly: keep them near square,
   * centre the grid across and keep it under the title. */
  l->pitch_w = MIN (l->pitch_w, floor (l->pitch_h * 2.2));
  l->pitch_h = MIN (l->pitch_h, floor (l->pitch_w * 1.1));
  l->grid_x = round (left + (grid_w - CF_CHART_SCALE * l->pitch_w) / 2);
  l->grid_y = round (top);

  l->ytick_right = l->grid_x - round (l->fs * 0.6);
  l->ytitle_x = l->ytick_right - l->ytick_w - l->fs * 0.3 - l->line / 2;
  l->title_x = MAX (l->margin, round (l->ytitle_x - l->line / 2));

  grid_bottom = l->grid_y + CF_CHART_SCALE * l->pitch_h - l->gap;
  l->xtick_y = grid_bottom + l->fs * 0.2 + l->line / 2;
  l->xtitle_y = l->xtick_y + l->line;
  l->legend_y = l->xtitle_y + l->line / 2 + l->fs * 0.5;
}

static void
cell_rect (const HeatmapLayout *l,
           int                  likelihood,
           int                  impact,
           double              *x,
           double              *y,
           double              *width,
           double              *height)
{
  *x = l->grid_x + (likelihood - 1) * l->pitch_w;
  *y = l->grid_y + (CF_CHART_SCALE - impact) * l->pitch_h;
  *width = MAX (1, l->pitch_w - l->gap);
  *height = MAX (1, l->pitch_h - l->gap);
}

static double
badge_width (cairo_t    *cr,
             const char *label,
             double      padding)
{
  return ceil (text_width (cr, label) + 2 * padding);
}

static void
draw_badge (cairo_t    *cr,
            double      x,
            double      y,
            double      width,
            double      height,
            double      padding,
            const char *label)
{
  rounded_rectangle (cr, x, y, width, height, height * 0.3);
  set_color (cr, COLOR_MARK);
  cairo_fill (cr);

  set_color (cr, 0xffffff);
  show_text (cr, x + padding, baseline_for (cr, y + height / 2), label, width - 2 * padding + 1);
}

/* The threats flow as dark badges over @n_lines lines, the first of them
 * starting at @indent; when they do not all fit, the last ones give way
 * to a "+N" badge. */
static void
draw_threats (cairo_t   *cr,
              GPtrArray *labels,
              double     x,
              double     y,
              double     width,
              double     indent,
              guint      n_lines,
              double     size)
{
  g_autofree double *bx = g_new0 (double, labels->len);
  g_autofree double *bw = g_new0 (double, labels->len);
  g_autofree guint *bline = g_new0 (guint, labels->len);
  g_autofree char **texts = g_new0 (char *, labels->len);
  double height = round (size * 1.5);
  double padding = round (size * 0.35);
  double spacing = MAX (2, round (size * 0.3));
  double cursor = indent;
  guint line = 0;
  guint placed = 0;

  set_font (cr, size, TRUE);

  for (guint i = 0; i < labels->len; i++)
    {
      texts[i] = fit_text (cr, g_ptr_array_index (labels, i), width - 2 * padding);
      if (texts[i] == NULL)
        texts[i] = g_strdup ("…");
      bw[i] = MIN (badge_width (cr, texts[i], padding), width);

      if (cursor > 0 && cursor + bw[i] > width)
        {
          line++;
          cursor = 0;
        }
      if (line >= n_lines)
        break;

      bx[i] = cursor;
      bline[i] = line;
      cursor += bw[i] + spacing;
      placed++;
    }

  /* Make room for "+N" on the last line, dropping badges from its end. */
  while (placed < labels->len && n_lines > 0)
    {
      g_autofree char *more = g_strdup_printf ("+%u", labels->len - placed);
      double more_w = badge_width (cr, more, padding);
      gboolean on_last = placed > 0 && bline[placed - 1] == n_lines - 1;
      double start = n_lines == 1 ? indent : 0;

      if (on_last)
        start = bx[placed - 1] + bw[placed - 1] + spacing;

      if (!on_last || start + more_w <= width)
        {
          draw_badge (cr, x + start, y + (n_lines - 1) * (height + spacing),
                      more_w, height, padding, more);
          break;
        }
      placed--;
    }

  for (guint i = 0; i < placed; i++)
    draw_badge (cr, x + bx[i], y + bline[i] * (height + spacing), bw[i], height, padding,
                texts[i]);

  for (guint i = 0; i < labels->len; i++)
    g_free (texts[i]);
}

static void
draw_cell (cairo_t             *cr,
           const HeatmapLayout *l,
           const CfHeatmap     *heatmap,
           int                  likelihood,
           int                  impact)
{
  g_autoptr(GPtrArray) threats = g_ptr_array_new ();
  g_autofree char *score_text = NULL;
  g_autofree char *band_text = NULL;
  const CfChartBand *band;
  int score = likelihood * impact;
  guint32 fill, ink;
  double x, y, w, h;
  double padding, size, badge_size, badge_h, spacing, advance;
  double inner_w, inner_h, baseline, score_w, text_h, threats_y;
  gboolean one_line;
  int badge_lines = 0;

  cell_rect (l, likelihood, impact, &x, &y, &w, &h);
  band = cf_chart_band_for_score (heatmap->bands, heatmap->n_bands, score);
  fill = band_rgb (band != NULL ? band->id : NULL);
  ink = text_on (fill);

  for (guint i = 0; heatmap->points != NULL && i < heatmap->n_points; i++)
    {
      const CfChartPoint *point = &heatmap->points[i];

      if (point->likelihood == likelihood && point->impact == impact)
        g_ptr_array_add (threats, (gpointer) (point->label != NULL ? point->label : "•"));
    }

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);

  set_color (cr, fill);
  cairo_paint (cr);

  if (threats->len > 0)
    {
      cairo_rectangle (cr, x + l->border / 2, y + l->border / 2, w - l->border, h - l->border);
      cairo_set_line_width (cr, l->border);
      set_color (cr, COLOR_MARK);
      cairo_stroke (cr);
    }

  padding = l->border + MAX (1, floor (l->fs * 0.25));
  size = MAX (MIN_FONT_SIZE, round (l->fs * 0.88 * 2) / 2);
  badge_size = MAX (6.5, round (size * 0.92 * 2) / 2);
  badge_h = round (badge_size * 1.5);
  spacing = MAX (2, round (badge_size * 0.3));
  advance = round (size * 1.25);
  inner_w = w - 2 * padding;
  inner_h = h - 2 * padding;

  /* The score and its band, so the cell reads without colour: on one
   * line if they fit, else the band on a line of its own. */
  score_text = g_strdup_printf ("%d", score);
  set_font (cr, size, TRUE);
  score_w = text_width (cr, score_text);
  if (band != NULL && band->label != NULL)
    band_text = valid_text (band->label);

  set_font (cr, size, FALSE);
  one_line = band_text == NULL ||
             score_w + text_width (cr, " · ") + text_width (cr, band_text) <= inner_w;
  text_h = one_line ? size : size + advance;
  threats_y = y + padding + text_h + round (size * 0.35);
  if (threats->len > 0)
    badge_lines = (int) floor ((y + h - padding - threats_y + spacing) / (badge_h + spacing));

  set_color (cr, ink);

  if (threats->len > 0 && badge_lines < 1)
    {
      /* A small cell: the badges follow the score, the band goes below. */
      set_font (cr, size, TRUE);
      show_text (cr, x + padding, baseline_for (cr, y + padding + badge_h / 2), score_text,
                 inner_w);
      if (band_text != NULL && inner_h >= badge_h + spacing + size)
        {
          set_font (cr, size, FALSE);
          show_text (cr, x + padding, round (y + padding + badge_h + spacing + size * 0.76),
                     band_text, inner_w);
        }
      draw_threats (cr, threats, x + padding, y + padding, inner_w, score_w + spacing, 1,
                    badge_size);
      cairo_restore (cr);
      return;
    }

  baseline = round (y + padding + size * 0.76);
  set_font (cr, size, TRUE);
  show_text (cr, x + padding, baseline, score_text, inner_w);

  set_font (cr, size, FALSE);
  if (band_text != NULL && (one_line || inner_h >= size + advance))
    {
      if (one_line)
        {
          g_autofree char *text = g_strconcat (" · ", band_text, NULL);

          show_text (cr, x + padding + score_w, baseline, text, inner_w - score_w);
        }
      else
        {
          show_text (cr, x + padding, baseline + advance, band_text, inner_w);
        }
    }
  else if (band_text != NULL)
    {
      /* No room for a second line: a shortened band after the score,
       * unless too little of it would be left to recognise. */
      g_autofree char *fitted = fit_text (cr, band_text, inner_w - score_w
                                                         - text_width (cr, " · "));

      if (fitted != NULL && g_utf8_strlen (fitted, -1) > 2)
        {
          g_autofree char *text = g_strconcat (" · ", fitted, NULL);

          show_text (cr, x + padding + score_w, baseline, text, inner_w - score_w);
        }
    }

  if (threats->len > 0)
    draw_threats (cr, threats, x + padding, threats_y, inner_w, 0, badge_lines, badge_size);

  cairo_restore (cr);
}

/* "3 Possible": the level in bold, its name dimmed. */
static void
draw_level (cairo_t    *cr,
            double      size,
            double      x,
            double      center_y,
            double      max_width,
            gboolean    align_right,
            int         level,
            const char *name)
{
  g_autofree char *number = g_strdup_printf ("%d", level);
  g_autofree char *fitted = NULL;
  double baseline, number_w, name_w = 0, space;

  set_font (cr, size, TRUE);
  baseline = baseline_for (cr, center_y);
  number_w = text_width (cr, number);
  space = round (size * 0.35);

  set_font (cr, size, FALSE);
  if (name != NULL && *name != '\0')
    {
      fitted = fit_text (cr, name, max_width - number_w - space);
      if (fitted != NULL)
        name_w = space + text_width (cr, fitted);
    }

  if (align_right)
    x -= number_w + name_w;
  else
    x -= (number_w + name_w) / 2;

  set_font (cr, size, TRUE);
  set_color (cr, COLOR_TEXT);
  cairo_move_to (cr, x, baseline);
  cairo_show_text (cr, number);

  if (fitted != NULL)
    {
      set_font (cr, size, FALSE);
      set_color (cr, COLOR_DIM);
      cairo_move_to (cr, x + number_w + space, baseline);
      cairo_show_text (cr, fitted);
    }
}

static void
draw_axes (cairo_t             *cr,
           const HeatmapLayout *l,
           const CfHeatmap     *heatmap)
{
  double size = round (l->fs * 0.9 * 2) / 2;
  double grid_w = CF_CHART_SCALE * l->pitch_w - l->gap;
  double grid_h = CF_CHART_SCALE * l->pitch_h - l->gap;

  for (int level = 1; level <= CF_CHART_SCALE; level++)
    {
      double x, y, w, h;

      cell_rect (l, level, 1, &x, &y, &w, &h);
      draw_level (cr, size, x + w / 2, l->xtick_y, w, FALSE,
                  level, heatmap->likelihood_labels[level - 1]);

      cell_rect (l, 1, level, &x, &y, &w, &h);
      draw_level (cr, size, l->ytick_right, y + h / 2, l->ytick_w, TRUE,
                  level, heatmap->impact_labels[level - 1]);
    }

  set_font (cr, l->fs, TRUE);
  set_color (cr, COLOR_TEXT);

  if (heatmap->likelihood_title != NULL)
    {
      /* The arrow says which way the scale grows. */
      g_autofree char *title = g_strconcat (heatmap->likelihood_title, " →", NULL);

      show_text_centered (cr, l->grid_x + grid_w / 2, baseline_for (cr, l->xtitle_y),
                          title, grid_w);
    }

  if (heatmap->impact_title != NULL)
    {
      g_autofree char *title = g_strconcat (heatmap->impact_title, " →", NULL);

      cairo_save (cr);
      cairo_translate (cr, l->ytitle_x, l->grid_y + grid_h / 2);
      cairo_rotate (cr, -G_PI / 2);
      show_text_centered (cr, 0, baseline_for (cr, 0), title, grid_h);
      cairo_restore (cr);
    }
}

static char *
band_range (const CfChartBand *band)
{
  if (band->min == band->max)
    return g_strdup_printf ("%d", band->min);

  return g_strdup_printf ("%d–%d", band->min, band->max);
}

/* Lays the legend items out in rows of at most @max_width; returns the
 * number of rows and fills @row_of, @x_of and @row_widths. */
static guint
legend_flow (cairo_t         *cr,
             const CfHeatmap *heatmap,
             double           size,
             double           max_width,
             guint           *row_of,
             double          *x_of,
             double          *row_widths)
{
  double swatch = round (size * 0.95);
  double spacing = round (size * 1.3);
  double cursor = 0;
  guint row = 0;

  for (guint i = 0; i < heatmap->n_bands; i++)
    {
      const CfChartBand *band = &heatmap->bands[i];
      g_autofree char *range = band_range (band);
      g_autofree char *label = valid_text (band->label != NULL ? band->label : band->id);
      double w;

      set_font (cr, size, FALSE);
      w = swatch + size * 0.45 + text_width (cr, label) + size * 0.35;
      w += text_width (cr, range);

      if (cursor > 0 && cursor + spacing + w > max_width)
        {
          row_widths[row] = cursor;
          row++;
          cursor = 0;
        }
      if (cursor > 0)
        cursor += spacing;

      row_of[i] = row;
      x_of[i] = cursor;
      cursor += w;
    }
  row_widths[row] = cursor;

  return row + 1;
}

static void
draw_legend (cairo_t             *cr,
             const HeatmapLayout *l,
             double               width,
             const CfHeatmap     *heatmap)
{
  g_autofree guint *row_of = NULL;
  g_autofree double *x_of = NULL;
  g_autofree double *row_widths = NULL;
  double size = round (l->fs * 0.88 * 2) / 2;
  double max_width = width - 2 * l->margin;
  double center = l->grid_x + (CF_CHART_SCALE * l->pitch_w - l->gap) / 2;
  double swatch;
  guint n_rows;

  if (heatmap->bands == NULL || heatmap->n_bands == 0)
    return;

  row_of = g_new0 (guint, heatmap->n_bands);
  x_of = g_new0 (double, heatmap->n_bands);
  row_widths = g_new0 (double, heatmap->n_bands);

  /* Long translations shrink the legend rather than overflow it. */
  n_rows = legend_flow (cr, heatmap, size, max_width, row_of, x_of, row_widths);
  while (n_rows > l->legend_rows && size > 6)
    {
      size -= 0.5;
      n_rows = legend_flow (cr, heatmap, size, max_width, row_of, x_of, row_widths);
    }
  swatch = round (size * 0.95);

  for (guint i = 0; i < heatmap->n_bands; i++)
    {
      const CfChartBand *band = &heatmap->bands[i];
      g_autofree char *range = band_range (band);
      double left = CLAMP (center - row_widths[row_of[i]] / 2,
                           l->margin, width - l->margin - row_widths[row_of[i]]);
      double row_center = l->legend_y + row_of[i] * l->line + l->line / 2;
      double x = round (MAX (left, l->margin) + x_of[i]);
      double baseline;

      rounded_rectangle (cr, x, round (row_center - swatch / 2), swatch, swatch, 2);
      set_color (cr, band_rgb (band->id));
      cairo_fill (cr);

      set_font (cr, size, FALSE);
      baseline = baseline_for (cr, row_center);
      x += swatch + size * 0.45;
      set_color (cr, COLOR_TEXT);
      x += show_text (cr, x, baseline, band->label != NULL ? band->label : band->id, max_width);
      set_color (cr, COLOR_DIM);
      show_text (cr, x + size * 0.35, baseline, range, max_width);
    }
}

/* Readiness overview */

static void
readiness_layout (double           width,
                  double           height,
                  guint            n_rows,
                  ReadinessLayout *l)
{
  double available, min_pitch;
  guint slots;

  l->fs = CLAMP (MIN (width / 52.0, height / 30.0), MIN_FONT_SIZE, MAX_FONT_SIZE);
  l->margin = round (l->fs * 1.1);
  l->title_size = round (l->fs * 1.3 * 2) / 2;
  l->title_top = l->margin;
  l->summary_y = round (l->title_top + l->title_size * 1.2 + l->fs * 0.9);
  l->summary_line = round (l->fs * 1.45);
  l->bar_h = MAX (4, round (l->fs * 0.5));
  l->col_gap = round (l->fs * 1.5);
  l->col_w = floor ((width - 2 * l->margin - 2 * l->col_gap) / 3);

  /* Side by side, each summary is a label, a bar and a caption; when
   * the columns get too narrow for "Implemented 100 %", one line each. */
  l->columns = l->col_w >= l->fs * 11;
  if (l->columns)
    l->rows_y = l->summary_y + l->summary_line + l->fs * 0.2 + l->bar_h + l->fs * 0.3
                + l->fs * 1.2;
  else
    l->rows_y = l->summary_y + 3 * l->summary_line;
  l->rows_y = round (l->rows_y + l->fs * 0.9);

  available = MAX (0, height - l->margin - l->rows_y);
  l->pitch = round (l->fs * 2.0);
  min_pitch = 11.0;
  l->more = FALSE;
  l->n_shown = n_rows;

  if (n_rows * l->pitch > available)
    l->pitch = available / MAX (n_rows, 1);
  if (l->pitch < min_pitch)
    {
      /* Too many rows: show what fits and count the rest. */
      l->pitch = min_pitch;
      slots = (guint) floor (available / min_pitch);
      l->n_shown = slots > 0 ? slots - 1 : 0;
      l->more = slots > 0;
    }

  l->row_fs = CLAMP (l->pitch / 1.6, MIN_FONT_SIZE, l->fs);
  l->chip_h = round (MIN (l->pitch * 0.78, l->row_fs * 1.7));
  l->chip_w = round (MIN (width * 0.32, l->row_fs * 10.5));
  l->chip_x = width - l->margin - l->chip_w;
}

static void
count_rows (const CfReadinessChart *chart,
            Counts                 *counts)
{
  memset (counts, 0, sizeof *counts);

  for (guint i = 0; chart->rows != NULL && i < chart->n_rows; i++)
    {
      CfChartStatus status = chart->rows[i].status;

      counts->total++;
      if (status != CF_CHART_STATUS_NOT_ASSESSED)
        counts->assessed++;
      if (status != CF_CHART_STATUS_NOT_ASSESSED && status != CF_CHART_STATUS_NOT_APPLICABLE)
        counts->apply++;
      if (status == CF_CHART_STATUS_IMPLEMENTED || status == CF_CHART_STATUS_VERIFIED)
        counts->implemented++;
      if (status == CF_CHART_STATUS_VERIFIED)
        counts->verified++;
    }
}

/* Whole percents, but never 100 % before everything is done nor 0 %
 * once something is. */
static int
percent (guint part,
         guint whole)
{
  int value;

  if (whole == 0 || part == 0)
    return 0;

  value = (int) round (100.0 * part / whole);
  if (part < whole)
    value = CLAMP (value, 1, 99);

  return value;
}

static const char *
status_label (const CfReadinessChart *chart,
              CfChartStatus           status)
{
  if ((guint) status < G_N_ELEMENTS (chart->status_labels) && chart->status_labels[status] != NULL)
    return chart->status_labels[status];

  switch (status)
    {
    case CF_CHART_STATUS_NOT_APPLICABLE:
      return _("Not applicable");
    case CF_CHART_STATUS_NOT_STARTED:
      return _("Not started");
    case CF_CHART_STATUS_IN_PROGRESS:
      return _("In progress");
    case CF_CHART_STATUS_IMPLEMENTED:
      return _("Implemented");
    case CF_CHART_STATUS_VERIFIED:
      return _("Verified");
    case CF_CHART_STATUS_NOT_ASSESSED:
    default:
      return _("Not assessed");
    }
}

static void
draw_bar (cairo_t *cr,
          double   x,
          double   y,
          double   width,
          double   height,
          double   share,
          guint32  rgb)
{
  if (width <= 0)
    return;

  rounded_rectangle (cr, x, y, width, height, height / 2);
  set_color (cr, COLOR_TRACK);
  cairo_fill (cr);

  if (share > 0)
    {
      rounded_rectangle (cr, x, y, MAX (height, width * MIN (share, 1.0)), height, height / 2);
      set_color (cr, rgb);
      cairo_fill (cr);
    }
}

static void
draw_summaries (cairo_t                *cr,
                const ReadinessLayout  *l,
                double                  width,
                const CfReadinessChart *chart)
{
  Counts counts;
  const char *labels[3];
  guint parts[3], wholes[3];
  const guint32 colors[3] = { COLOR_ASSESSED, COLOR_IMPLEMENTED, COLOR_VERIFIED };

  count_rows (chart, &counts);
  labels[0] = chart->assessed_label != NULL ? chart->assessed_label : _("Assessed");
  labels[1] = chart->implemented_label != NULL ? chart->implemented_label : _("Implemented");
  labels[2] = chart->verified_label != NULL ? chart->verified_label : _("Verified");
  parts[0] = counts.assessed;
  wholes[0] = counts.total;
  parts[1] = counts.implemented;
  wholes[1] = counts.apply;
  parts[2] = counts.verified;
  wholes[2] = counts.apply;

  for (guint i = 0; i < 3; i++)
    {
      /* Translators: a share of the requirements, e.g. "64 %". */
      g_autofree char *pct = g_strdup_printf (_("%d %%"), percent (parts[i], wholes[i]));
      /* Translators: e.g. "14 of 22" requirements. */
      g_autofree char *of = g_strdup_printf (_("%u of %u"), parts[i], wholes[i]);
      double share = wholes[i] > 0 ? (double) parts[i] / wholes[i] : 0;
      double baseline, pct_w;

      if (l->columns)
        {
          double x = l->margin + i * (l->col_w + l->col_gap);
          double bar_y = round (l->summary_y + l->summary_line + l->fs * 0.2);

          set_font (cr, l->fs, TRUE);
          baseline = baseline_for (cr, l->summary_y + l->summary_line / 2);
          pct_w = text_width (cr, pct);
          set_color (cr, COLOR_TEXT);
          show_text (cr, x, baseline, labels[i], l->col_w - pct_w - l->fs * 0.5);
          show_text_right (cr, x + l->col_w, baseline, pct, l->col_w);

          draw_bar (cr, x, bar_y, l->col_w, l->bar_h, share, colors[i]);

          set_font (cr, round (l->fs * 0.88 * 2) / 2, FALSE);
          set_color (cr, COLOR_DIM);
          show_text (cr, x, baseline_for (cr, bar_y + l->bar_h + l->fs * 0.3 + l->fs * 0.6),
                     of, l->col_w);
        }
      else
        {
          g_autofree char *value = g_strconcat (of, " · ", pct, NULL);
          double center = l->summary_y + i * l->summary_line + l->summary_line / 2;
          double label_w = round ((width - 2 * l->margin) * 0.3);
          double value_w, bar_x;

          set_font (cr, l->fs, FALSE);
          value_w = text_width (cr, value);
          baseline = baseline_for (cr, center);
          set_color (cr, COLOR_DIM);
          show_text_right (cr, width - l->margin, baseline, value, width - 2 * l->margin);

          set_font (cr, l->fs, TRUE);
          set_color (cr, COLOR_TEXT);
          show_text (cr, l->margin, baseline, labels[i], label_w - l->fs * 0.4);

          bar_x = l->margin + label_w;
          draw_bar (cr, bar_x, round (center - l->bar_h / 2),
                    width - l->margin - value_w - l->fs * 0.6 - bar_x, l->bar_h,
                    share, colors[i]);
        }
    }
}

static void
draw_chip (cairo_t                *cr,
           const ReadinessLayout  *l,
           double                  y,
           const CfReadinessChart *chart,
           CfChartStatus           status)
{
  const ChipStyle *style = &chip_styles[(guint) status < G_N_ELEMENTS (chip_styles) ? status : 0];
  double size = MAX (6.5, round (l->row_fs * 0.85 * 2) / 2);
  double padding = round (l->chip_h * 0.6);
  double room = l->chip_w - 2 * padding;
  const char *text = status_label (chart, status);
  g_autofree char *valid = valid_text (text);

  rounded_rectangle (cr, l->chip_x, y, l->chip_w, l->chip_h, l->chip_h / 2);
  set_color (cr, style->fill);
  cairo_fill_preserve (cr);
  if (style->outlined)
    {
      cairo_set_line_width (cr, 1);
      set_color (cr, 0xc0bfbc);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);

  /* A long translation first gets a smaller font, then an ellipsis. */
  set_font (cr, size, TRUE);
  while (size > 6 && text_width (cr, valid) > room)
    {
      size -= 0.5;
      set_font (cr, size, TRUE);
    }

  set_color (cr, style->text);
  show_text_centered (cr, l->chip_x + l->chip_w / 2, baseline_for (cr, y + l->chip_h / 2),
                      valid, room);
}

static void
draw_rows (cairo_t                *cr,
           const ReadinessLayout  *l,
           double                  width,
           const CfReadinessChart *chart)
{
  double ref_w = 0;
  double gap = round (l->row_fs * 0.8);

  if (chart->rows == NULL || chart->n_rows == 0)
    return;

  /* The refs get one column, as wide as the widest ref shown. */
  set_font (cr, l->row_fs, TRUE);
  for (guint i = 0; i < l->n_shown; i++)
    {
      g_autofree char *ref = valid_text (chart->rows[i].ref);

      ref_w = MAX (ref_w, text_width (cr, ref));
    }
  ref_w = MIN (ceil (ref_w), round (width * 0.2));

  cairo_set_line_width (cr, 1);
  set_color (cr, COLOR_SEPARATOR);
  cairo_move_to (cr, l->margin, l->rows_y - 0.5);
  cairo_line_to (cr, width - l->margin, l->rows_y - 0.5);
  cairo_stroke (cr);

  for (guint i = 0; i < l->n_shown; i++)
    {
      const CfChartRow *row = &chart->rows[i];
      double top = l->rows_y + i * l->pitch;
      double center = top + l->pitch / 2;
      double label_x = l->margin + (ref_w > 0 ? ref_w + gap : 0);
      double baseline;

      if (i + 1 < l->n_shown || l->more)
        {
          set_color (cr, COLOR_SEPARATOR);
          cairo_move_to (cr, l->margin, floor (top + l->pitch) - 0.5);
          cairo_line_to (cr, width - l->margin, floor (top + l->pitch) - 0.5);
          cairo_stroke (cr);
        }

      set_font (cr, l->row_fs, TRUE);
      baseline = baseline_for (cr, center);
      if (row->ref != NULL)
        {
          set_color (cr, COLOR_DIM);
          show_text (cr, l->margin, baseline, row->ref, ref_w);
        }

      set_font (cr, l->row_fs, FALSE);
      set_color (cr, COLOR_TEXT);
      if (row->label != NULL)
        show_text (cr, label_x, baseline, row->label, l->chip_x - gap - label_x);

      draw_chip (cr, l, round (center - l->chip_h / 2), chart, row->status);
    }

  if (l->more)
    {
      guint rest = chart->n_rows - l->n_shown;
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more",
                                                            "+%u more", rest),
                                               rest);
      double center = l->rows_y + l->n_shown * l->pitch + l->pitch / 2;

      set_font (cr, l->row_fs, FALSE);
      set_color (cr, COLOR_DIM);
      show_text (cr, l->margin, baseline_for (cr, center), more, width - 2 * l->margin);
    }
}

/* PNG */

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The chart could not be drawn: %s"), cairo_status_to_string (status));
  return FALSE;
}

static GBytes *
render_png (DrawFunc        draw,
            gconstpointer   data,
            int             width,
            int             height,
            GError        **error)
{
  g_autoptr(GByteArray) png = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  if (width < MIN_PNG_SIZE || width > MAX_PNG_SIZE ||
      height < MIN_PNG_SIZE || height > MAX_PNG_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A chart of %d × %d pixels cannot be drawn: each side must be from "
                     "%d to %d pixels."),
                   width, height, MIN_PNG_SIZE, MAX_PNG_SIZE);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  draw (cr, width, height, data);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      png = g_byte_array_new ();
      status = cairo_surface_write_to_png_stream (surface, append_png_cb, png);
    }
  cairo_surface_destroy (surface);

  if (!check_cairo (status, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static void
draw_heatmap_cb (cairo_t       *cr,
                 double         width,
                 double         height,
                 gconstpointer  data)
{
  cf_chart_draw_heatmap (cr, width, height, data);
}

static void
draw_readiness_cb (cairo_t       *cr,
                   double         width,
                   double         height,
                   gconstpointer  data)
{
  cf_chart_draw_readiness (cr, width, height, data);
}

/* Public API */

/**
 * cf_chart_band_for_score:
 *
 * Returns: (nullable) (transfer none): the band whose bounds hold @score
 */
const CfChartBand *
cf_chart_band_for_score (const CfChartBand *bands,
                         guint              n_bands,
                         int                score)
{
  g_return_val_if_fail (bands != NULL || n_bands == 0, NULL);

  for (guint i = 0; i < n_bands; i++)
    {
      if (score >= bands[i].min && score <= bands[i].max)
        return &bands[i];
    }

  return NULL;
}

void
cf_chart_band_color (const char *band_id,
                     double     *red,
                     double     *green,
                     double     *blue)
{
  guint32 rgb = band_rgb (band_id);

  if (red != NULL)
    *red = ((rgb >> 16) & 0xff) / 255.0;
  if (green != NULL)
    *green = ((rgb >> 8) & 0xff) / 255.0;
  if (blue != NULL)
    *blue = (rgb & 0xff) / 255.0;
}

gboolean
cf_chart_heatmap_cell (double  width,
                       double  height,
                       int     likelihood,
                       int     impact,
                       double *x,
                       double *y,
                       double *cell_width,
                       double *cell_height)
{
  HeatmapLayout l;
  double cx, cy, cw, ch;

  if (likelihood < 1 || likelihood > CF_CHART_SCALE || impact < 1 || impact > CF_CHART_SCALE)
    return FALSE;

  heatmap_layout (width, height, &l);
  cell_rect (&l, likelihood, impact, &cx, &cy, &cw, &ch);

  if (x != NULL)
    *x = cx;
  if (y != NULL)
    *y = cy;
  if (cell_width != NULL)
    *cell_width = cw;
  if (cell_height != NULL)
    *cell_height = ch;

  return TRUE;
}

void
cf_chart_draw_heatmap (cairo_t         *cr,
                       double           width,
                       double           height,
                       const CfHeatmap *heatmap)
{
  HeatmapLayout l;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (heatmap != NULL);

  heatmap_layout (width, height, &l);

  cairo_save (cr);
  paint_background (cr, width, height);
  draw_title (cr, width, l.title_x, l.margin, l.title_top, l.title_size, heatmap->title);

  for (int impact = 1; impact <= CF_CHART_SCALE; impact++)
    {
      for (int likelihood = 1; likelihood <= CF_CHART_SCALE; likelihood++)
        draw_cell (cr, &l, heatmap, likelihood, impact);
    }

  draw_axes (cr, &l, heatmap);
  draw_legend (cr, &l, width, heatmap);
  cairo_restore (cr);
}

void
cf_chart_readiness_shares (const CfReadinessChart *chart,
                           double                 *assessed,
                           double                 *implemented,
                           double                 *verified)
{
  Counts counts;

  g_return_if_fail (chart != NULL);

  count_rows (chart, &counts);

  if (assessed != NULL)
    *assessed = counts.total > 0 ? (double) counts.assessed / counts.total : 0;
  if (implemented != NULL)
    *implemented = counts.apply > 0 ? (double) counts.implemented / counts.apply : 0;
  if (verified != NULL)
    *verified = counts.apply > 0 ? (double) counts.verified / counts.apply : 0;
}

/**
 * cf_chart_readiness_n_shown:
 *
 * Returns: how many of @n_rows rows fit @height; when it is fewer, a
 *   "+N more" line follows them
 */
guint
cf_chart_readiness_n_shown (double width,
                            double height,
                            guint  n_rows)
{
  ReadinessLayout l;

  readiness_layout (width, height, n_rows, &l);
  return l.n_shown;
}

gboolean
cf_chart_readiness_row (double  width,
                        double  height,
                        guint   n_rows,
                        guint   row_index,
                        double *x,
                        double *y,
                        double *row_width,
                        double *row_height)
{
  ReadinessLayout l;

  readiness_layout (width, height, n_rows, &l);
  if (row_index >= l.n_shown)
    return FALSE;

  if (x != NULL)
    *x = l.margin;
  if (y != NULL)
    *y = l.rows_y + row_index * l.pitch;
  if (row_width != NULL)
    *row_width = width - 2 * l.margin;
  if (row_height != NULL)
    *row_height = l.pitch;

  return TRUE;
}

gboolean
cf_chart_readiness_chip (double  width,
                         double  height,
                         guint   n_rows,
                         guint   row_index,
                         double *x,
                         double *y,
                         double *chip_width,
                         double *chip_height)
{
  ReadinessLayout l;

  readiness_layout (width, height, n_rows, &l);
  if (row_index >= l.n_shown)
    return FALSE;

  if (x != NULL)
    *x = l.chip_x;
  if (y != NULL)
    *y = round (l.rows_y + row_index * l.pitch + l.pitch / 2 - l.chip_h / 2);
  if (chip_width != NULL)
    *chip_width = l.chip_w;
  if (chip_height != NULL)
    *chip_height = l.chip_h;

  return TRUE;
}

void
cf_chart_draw_readiness (cairo_t                *cr,
                         double                  width,
                         double                  height,
                         const CfReadinessChart *chart)
{
  ReadinessLayout l;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (chart != NULL);

  readiness_layout (width, height, chart->rows != NULL ? chart->n_rows : 0, &l);

  cairo_save (cr);
  paint_background (cr, width, height);
  draw_title (cr, width, l.margin, l.margin, l.title_top, l.title_size, chart->title);
  draw_summaries (cr, &l, width, chart);
  draw_rows (cr, &l, width, chart);
  cairo_restore (cr);
}

/**
 * cf_chart_heatmap_to_png:
 *
 * Returns: (transfer full): the PNG, or %NULL with @error set
 */
GBytes *
cf_chart_heatmap_to_png (const CfHeatmap  *heatmap,
                         int               width,
                         int               height,
                         GError          **error)
{
  g_return_val_if_fail (heatmap != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return render_png (draw_heatmap_cb, heatmap, width, height, error);
}

/**
 * cf_chart_readiness_to_png:
 *
 * Returns: (transfer full): the PNG, or %NULL with @error set
 */
GBytes *
cf_chart_readiness_to_png (const CfReadinessChart  *chart,
                           int                      width,
                           int                      height,
                           GError                 **error)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return render_png (draw_readiness_cb, chart, width, height, error);
}
