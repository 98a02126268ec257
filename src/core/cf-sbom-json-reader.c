/* cf-sbom-json-reader.c — a strict pull reader of JSON in memory
 *
 * What it takes is exactly what cf_sbom_parse() takes when it reads JSON
 * with json-glib, so that either way a document reads alike: the pre-scan's
 * rules (check_json() in cf-sbom.c: no more than limits->max_depth of
 * nesting, strings within limits->max_string, UTF-8, only RFC 8259's
 * escapes and characters, one value at the top level), then json-glib's
 * grammar, quirks included (its numbers, its surrogate escapes). When it
 * fails, it tells the first problem that path would
 * have told: the pre-scan's, over the whole input, before any of
 * json-glib's.
 *
 * It never reads past the buffer and never recurses.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-sbom"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-error.h"
#include "cf-sbom-json-reader.h"
#include "cf-sbom-private.h"

void
cf_sbom_json_reader_init (CfSbomJsonReader   *reader,
                          const char         *data,
                          gsize               size,
                          const CfSbomLimits *limits)
{
  memset (reader, 0, sizeof *reader);
  reader->data = data != NULL ? data : "";
  reader->size = data != NULL ? size : 0;
  reader->line = 1;
  reader->token_line = 1;
  reader->limits = limits;
  reader->n_frames = 16;
  reader->frames = g_new0 (CfSbomJsonFrame, reader->n_frames);
  reader->scratch = g_string_new (NULL);
}

void
cf_sbom_json_reader_clear (CfSbomJsonReader *reader)
{
  g_clear_pointer (&reader->frames, g_free);
  if (reader->scratch != NULL)
    g_string_free (g_steal_pointer (&reader->scratch), TRUE);
  g_clear_error (&reader->error);
}

gboolean
cf_sbom_json_reader_failed (CfSbomJsonReader *reader)
{
  return reader->failed;
}

GError *
cf_sbom_json_reader_steal_error (CfSbomJsonReader *reader)
{
  return g_steal_pointer (&reader->error);
}

/* Failing as check_json() does */

/* Fails: the first problem of the pre-scan's, wherever it is, or else
 * json-glib's @problem at @line and @column. Everything before @resume
 * passed the pre-scan, and reader->line is @resume's. */
static gboolean
fail_at (CfSbomJsonReader *reader,
         gsize             resume,
         gsize             line,
         gsize             column,
         const char       *problem)
{
  const CfJsonPlace from = {
    resume, reader->line, reader->line_start, reader->depth,
    reader->root_read ? CF_JSON_ROOT_DONE : CF_JSON_ROOT_NONE,
  };

  if (reader->failed)
    return FALSE;

  reader->failed = TRUE;
  if (_cf_json_check_utf8 (reader->data, reader->size, &reader->error) &&
      _cf_json_check_safe_from (reader->data, reader->size, reader->limits, &from, &reader->error))
    reader->error = g_error_new (CF_ERROR, CF_ERROR_INVALID_INPUT,
                                 _("Not valid JSON at line %zu, column %zu: %s"),
                                 line, column, problem);

  return FALSE;
}

/* json-glib tells a problem where its scanner is: at the end of the token
 * it read last, counting columns from 1 and a line break as the end of a
 * line. When it only peeked at what is wrong, that is the token before. */
static gboolean
fail_after_last (CfSbomJsonReader *reader,
                 const char       *problem)
{
  return fail_at (reader, reader->pos, reader->token_line,
                  reader->token_end - reader->token_line_start, problem);
}

/* When it read the wrong token itself, from @start (reader->pos, or where
 * reader->line still holds) to @end. */
static gboolean
fail_token (CfSbomJsonReader *reader,
            gsize             start,
            gsize             end,
            const char       *problem)
{
  gsize line = reader->line;
  gsize line_start = reader->line_start;

  for (gsize i = start; i < end && i < reader->size; i++)
    if (reader->data[i] == '\n')
      {
        line++;
        line_start = i + 1;
      }

  return fail_at (reader, start, line, end - line_start, problem);
}

/* The end of the token json-glib reads last. */
static inline void
mark_token (CfSbomJsonReader *reader)
{
  reader->token_end = reader->pos;
  reader->token_line = reader->line;
  reader->token_line_start = reader->line_start;
}

/* Tokens */

static inline gsize
space_end (CfSbomJsonReader *reader,
           gsize             i)
{
  while (i < reader->size && (reader->data[i] == ' ' || reader->data[i] == '\t' ||
                              reader->data[i] == '\r' || reader->data[i] == '\n'))
    i++;

  return i;
}

static inline void
skip_space (CfSbomJsonReader *reader)
{
  const char *data = reader->data;

  while (reader->pos < reader->size)
    {
      char c = data[reader->pos];

      if (c == ' ' || c == '\t' || c == '\r')
        reader->pos++;
      else if (c == '\n')
        {
          reader->pos++;
          reader->line++;
          reader->line_start = reader->pos;
        }
      else
        break;
    }
}

static inline int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The four hex digits at @p, or -1. */
static inline gint32
hex4 (const guchar *p)
{
  int a = hex_value (p[0]), b = hex_value (p[1]), c = hex_value (p[2]), d = hex_value (p[3]);

  if (a < 0 || b < 0 || c < 0 || d < 0)
    return -1;

  return (a << 12) | (b << 8) | (c << 4) | d;
}

/* The length of the UTF-8 sequence at @p, as g_utf8_validate() takes it
 * (no overlong forms, surrogates or values past U+10FFFF), or 0. */
static inline gsize
utf8_sequence (const guchar *p,
               gsize         available)
{
  guchar c = p[0];
  gboolean second_ok;

  if (c >= 0xC2 && c <= 0xDF)
    return available >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;

  if (c >= 0xE0 && c <= 0xEF)
    {
      if (available < 3 || (p[2] & 0xC0) != 0x80)
        return 0;
      if (c == 0xE0)
        second_ok = p[1] >= 0xA0 && p[1] <= 0xBF;
      else if (c == 0xED)
        second_ok = p[1] >= 0x80 && p[1] <= 0x9F;
      else
        second_ok = (p[1] & 0xC0) == 0x80;
      return second_ok ? 3 : 0;
    }

  if (c >= 0xF0 && c <= 0xF4)
    {
      if (available < 4 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
        return 0;
      if (c == 0xF0)
        second_ok = p[1] >= 0x90 && p[1] <= 0xBF;
      else if (c == 0xF4)
        second_ok = p[1] >= 0x80 && p[1] <= 0x8F;
      else
        second_ok = (p[1] & 0xC0) == 0x80;
      return second_ok ? 4 : 0;
    }

  return 0;
}

/* The string whose opening quote is at reader->pos; afterwards pos is past
 * its closing quote. Nothing is allocated. */
static gboolean
scan_string_token (CfSbomJsonReader *reader,
                   CfSbomJsonString *string)
{
  const guchar *data = (const guchar *) reader->data;
  gsize size = reader->size;
  gsize start = reader->pos;
  gsize max_string = reader->limits->max_string;
  gsize i = start + 1;
  gboolean escaped = FALSE;
  const char *problem;
  gsize length;

  for (;;)
    {
      guchar c;

      while (i < size && data[i] >= 0x20 && data[i] < 0x80 && data[i] != '"' && data[i] != '\\')
        i++;

      /* Whatever comes next, the pre-scan refuses this string: it tells
       * why. */
      if (i >= size || i - start - 1 > max_string)
        return fail_after_last (reader, _("a string is not closed"));

      c = data[i];
      if (c == '"')
        break;

      if (c < 0x20)
        return fail_after_last (reader, _("a control character in a string"));

      if (c >= 0x80)
        {
          length = utf8_sequence (data + i, size - i);
          if (length == 0)
            return fail_after_last (reader, _("not UTF-8 text"));
          i += length;
          continue;
        }

      /* An escape, by the pre-scan's rule: it tells the problem. */
      escaped = TRUE;
      length = _cf_json_escape_length (data, size, i, &problem);
      if (length == 0)
        return fail_after_last (reader, problem);
      i += length;
    }

  string->text = reader->data + start + 1;
  string->length = i - start - 1;
  string->escaped = escaped;
  reader->pos = i + 1;
  mark_token (reader);

  return TRUE;
}

static inline gboolean
is_identifier_char (guchar c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-';
}

/* json-glib's scanner reads a word from a letter or '_' on. */
static gsize
identifier_end (CfSbomJsonReader *reader,
                gsize             start)
{
  gsize end = start + 1;

  while (end < reader->size && is_identifier_char (reader->data[end]))
    end++;

  return end;
}

static gboolean
is_word (CfSbomJsonReader *reader,
         gsize             start,
         gsize             end,
         const char       *word)
{
  gsize length = strlen (word);

  return end <= reader->size && end - start == length &&
         memcmp (reader->data + start, word, length) == 0;
}

typedef enum
{
  NUMBER_INT,
  NUMBER_OCTAL,
  NUMBER_HEX,
  NUMBER_BINARY,
  NUMBER_FLOAT,
} NumberKind;

static inline int
digit_value (guchar c,
             int    base)
{
  int value;

  if (c >= '0' && c <= '9')
    value = c - '0';
  else if (c >= 'A' && c <= 'Z')
    value = c - 'A' + 10;
  else if (c >= 'a' && c <= 'z')
    value = c - 'a' + 10;
  else
    return -1;

  return value < base ? value : -1;
}

/* A number as json-glib's scanner reads one (GScanner's rules: octal after
 * a leading 0, 0x and 0b prefixes, a leading '.'), from a digit or '.':
 * where it stops reading, and whether it took what it read (GLib's
 * conversion took all of it). The end is json-glib's column, not for
 * reading: a prefix at the end of the data takes it one past the data.
 * Numbers are rare in an SBOM: this need not be fast. */
static gsize
number_end (CfSbomJsonReader *reader,
            gsize             start,
            gboolean         *valid)
{
  const guchar *data = (const guchar *) reader->data;
  gsize size = reader->size;
  gsize p = start;
  GString *text = reader->scratch;
  NumberKind kind;
  gboolean dotted = FALSE;
  char *end = NULL;
  guchar ch;

#define GET() (p < size ? data[p++] : 0)
#define PEEK() (p < size ? data[p] : 0)

  *valid = FALSE;
  ch = GET ();
  if (ch == '.')
    {
      kind = NUMBER_FLOAT;
      dotted = TRUE;
      ch = GET ();
    }
  else if (ch == '0' && (PEEK () == 'x' || PEEK () == 'X'))
    {
      kind = NUMBER_HEX;
      p++;
      ch = GET ();
      if (ch == 0)
        return p + 1;
      if (digit_value (ch, 16) < 0)
        return p;
    }
  else if (ch == '0' && (PEEK () == 'b' || PEEK () == 'B'))
    {
      kind = NUMBER_BINARY;
      p++;
      ch = GET ();
      if (ch == 0)
        return p + 1;
      if (digit_value (ch, 10) < 0)
        return p;
    }
  else
    kind = ch == '0' ? NUMBER_OCTAL : NUMBER_INT;

  g_string_assign (text, dotted ? "0." : "");
  g_string_append_c (text, (char) ch);

  for (;;)
    {
      gboolean after_e = kind == NUMBER_FLOAT && (ch == 'e' || ch == 'E');

      ch = PEEK ();
      if (digit_value (ch, 36) < 0 && ch != '.' && !(after_e && (ch == '+' || ch == '-')))
        break;
      p++;

      if (ch == '.')
        {
          if (kind != NUMBER_INT && kind != NUMBER_OCTAL)
            return p;
          kind = NUMBER_FLOAT;
        }
      else if (ch == 'e' || ch == 'E')
        {
          if (kind == NUMBER_BINARY)
            return p;
          if (kind != NUMBER_HEX)
            kind = NUMBER_FLOAT;
        }
      else if (ch != '+' && ch != '-' && !g_ascii_isdigit (ch) && kind != NUMBER_HEX)
        return p;

      g_string_append_c (text, (char) ch);
    }

#undef GET
#undef PEEK

  switch (kind)
    {
    case NUMBER_FLOAT:
      g_ascii_strtod (text->str, &end);
      break;
    case NUMBER_INT:
      g_ascii_strtoull (text->str, &end, 10);
      break;
    case NUMBER_OCTAL:
      g_ascii_strtoull (text->str, &end, 8);
      break;
    case NUMBER_HEX:
      g_ascii_strtoull (text->str, &end, 16);
      break;
    case NUMBER_BINARY:
    default:
      g_ascii_strtoull (text->str, &end, 2);
      break;
    }

  *valid = end != NULL && *end == '\0';

  /* After a leading '.' json-glib takes any character, and a NUL byte
   * ends the text converted: the pre-scan refuses it. */
  for (gsize i = start; *valid && i < p; i++)
    *valid = g_ascii_isalnum (data[i]) || data[i] == '.' || data[i] == '+' || data[i] == '-';

  return p;
}

/* Where the token json-glib reads from @start ends. */
static gsize
token_end (CfSbomJsonReader *reader,
           gsize             start)
{
  guchar c;
  gboolean valid;
  gsize i;

  if (start >= reader->size)
    return start;

  c = reader->data[start];
  if (g_ascii_isdigit (c) || c == '.')
    return number_end (reader, start, &valid);
  if (g_ascii_isalpha (c) || c == '_')
    return identifier_end (reader, start);
  if (c != '"')
    return start + 1;

  for (i = start + 1; i < reader->size && reader->data[i] != '"'; i++)
    if (reader->data[i] == '\\')
      i++;

  return MIN (i + 1, reader->size);
}

/* Where json-glib refuses a statement, a value at the top: at the token.
 * After "var", the start of an assignment, it reads a name and stops at
 * what is not '=' (the pre-scan refuses an '='). */
static gboolean
fail_statement (CfSbomJsonReader *reader,
                const char       *problem)
{
  gsize start = reader->pos;
  gsize end = token_end (reader, start);

  if (is_word (reader, start, end, "var"))
    {
      gsize next = space_end (reader, end);

      end = token_end (reader, next);
      if (next < reader->size && (g_ascii_isalpha (reader->data[next]) || reader->data[next] == '_') &&
          !is_word (reader, next, end, "true") && !is_word (reader, next, end, "false") &&
          !is_word (reader, next, end, "null") && !is_word (reader, next, end, "var"))
        end = token_end (reader, space_end (reader, end));
    }

  return fail_token (reader, start, end, problem);
}

/* A number, true, false or null. json-glib takes a minus sign as a token
 * of its own, white space may follow it, and what follows must be a number
 * or it tells the minus sign. */
static gboolean
scan_scalar (CfSbomJsonReader *reader)
{
  gsize start = reader->pos;
  gsize line = reader->line;
  gsize line_start = reader->line_start;
  gboolean minus = reader->data[start] == '-';
  gboolean valid = FALSE;
  gsize end;
  guchar c;

  if (minus)
    {
      reader->pos++;
      skip_space (reader);
    }

  c = reader->pos < reader->size ? reader->data[reader->pos] : 0;
  if (g_ascii_isdigit (c) || c == '.')
    {
      end = number_end (reader, reader->pos, &valid);
      if (valid)
        {
          reader->pos = end;
          mark_token (reader);
          return TRUE;
        }
      if (!minus)
        return fail_token (reader, reader->pos, end, _("not a valid number"));
    }

  if (minus)
    {
      reader->pos = start;
      reader->line = line;
      reader->line_start = line_start;
      return fail_token (reader, start, start + 1, _("not a valid number"));
    }

  end = identifier_end (reader, start);
  if (is_word (reader, start, end, "true") || is_word (reader, start, end, "false") ||
      is_word (reader, start, end, "null"))
    {
      reader->pos = end;
      mark_token (reader);
      return TRUE;
    }

  return fail_token (reader, start, end, _("not a valid value"));
}

/* Reading */

gboolean
cf_sbom_json_reader_at_end (CfSbomJsonReader *reader)
{
  if (reader->failed)
    return FALSE;

  skip_space (reader);
  return reader->pos >= reader->size;
}

CfSbomJsonType
cf_sbom_json_reader_peek (CfSbomJsonReader *reader)
{
  if (reader->failed)
    return CF_SBOM_JSON_NONE;

  skip_space (reader);
  switch (reader->pos < reader->size ? reader->data[reader->pos] : '\0')
    {
    case '{':
      return CF_SBOM_JSON_OBJECT;
    case '[':
      return CF_SBOM_JSON_ARRAY;
    case '"':
      return CF_SBOM_JSON_STRING;
    case '-':
    case '.':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return CF_SBOM_JSON_NUMBER;
    case 't':
    case 'f':
      return CF_SBOM_JSON_BOOLEAN;
    case 'n':
      return CF_SBOM_JSON_NULL;
    default:
      /* json-glib reads the token (the end of the data, too) and refuses
       * it as a value. */
      if (reader->depth == 0)
        fail_statement (reader, _("expected a value"));
      else
        fail_token (reader, reader->pos, token_end (reader, reader->pos), _("expected a value"));
      return CF_SBOM_JSON_NONE;
    }
}

static gboolean
enter (CfSbomJsonReader *reader,
       char              bracket,
       gboolean          is_array)
{
  CfSbomJsonFrame *frame;

  if (reader->failed)
    return FALSE;

  skip_space (reader);
  if (reader->pos >= reader->size || reader->data[reader->pos] != bracket)
    return fail_token (reader, reader->pos, token_end (reader, reader->pos),
                       is_array ? _("expected an array") : _("expected an object"));

  /* The pre-scan tells this one. */
  if (reader->depth >= reader->limits->max_depth)
    return fail_after_last (reader, _("nested too deep"));

  if (reader->depth == reader->n_frames)
    {
      reader->n_frames *= 2;
      reader->frames = g_renew (CfSbomJsonFrame, reader->frames, reader->n_frames);
    }

  frame = &reader->frames[reader->depth++];
  frame->is_array = is_array;
  frame->count = 0;
  frame->member.text = NULL;
  frame->member.length = 0;
  frame->member.escaped = FALSE;
  reader->pos++;
  mark_token (reader);

  return TRUE;
}

gboolean
cf_sbom_json_reader_enter_object (CfSbomJsonReader *reader)
{
  return enter (reader, '{', FALSE);
}

gboolean
cf_sbom_json_reader_enter_array (CfSbomJsonReader *reader)
{
  return enter (reader, '[', TRUE);
}

/* Before the next element or member: a comma, or the end. FALSE at the
 * end (consumed) or on failure. json-glib only peeks at what follows a
 * value or a comma, so a problem there is told at the token before. */
static gboolean
next_item (CfSbomJsonReader *reader,
           CfSbomJsonFrame  *frame,
           char              close)
{
  skip_space (reader);
  if (reader->pos < reader->size && reader->data[reader->pos] == close)
    {
      reader->pos++;
      mark_token (reader);
      reader->depth--;
      return FALSE;
    }

  if (frame->count > 0)
    {
      if (reader->pos >= reader->size || reader->data[reader->pos] != ',')
        return fail_after_last (reader, close == ']' ? _("expected “,” or “]”") : _("expected “,” or “}”"));
      reader->pos++;
      mark_token (reader);
      skip_space (reader);
      if (reader->pos < reader->size && reader->data[reader->pos] == close)
        return fail_after_last (reader, _("a comma before the end"));
    }

  frame->count++;
  return TRUE;
}

gboolean
cf_sbom_json_reader_next_member (CfSbomJsonReader *reader,
                                 CfSbomJsonString *name)
{
  CfSbomJsonFrame *frame;

  if (reader->failed)
    return FALSE;

  g_return_val_if_fail (reader->depth > 0 && !reader->frames[reader->depth - 1].is_array, FALSE);
  frame = &reader->frames[reader->depth - 1];
  if (!next_item (reader, frame, '}'))
    return FALSE;

  if (reader->pos >= reader->size || reader->data[reader->pos] != '"')
    return fail_after_last (reader, _("expected a member name"));
  if (!scan_string_token (reader, &frame->member))
    return FALSE;

  skip_space (reader);
  if (reader->pos >= reader->size || reader->data[reader->pos] != ':')
    return fail_after_last (reader, _("expected “:”"));
  reader->pos++;
  mark_token (reader);

  *name = frame->member;
  return TRUE;
}

gboolean
cf_sbom_json_reader_next_element (CfSbomJsonReader *reader)
{
  if (reader->failed)
    return FALSE;

  g_return_val_if_fail (reader->depth > 0 && reader->frames[reader->depth - 1].is_array, FALSE);
  return next_item (reader, &reader->frames[reader->depth - 1], ']');
}

gboolean
cf_sbom_json_reader_read_string (CfSbomJsonReader *reader,
                                 CfSbomJsonString *string)
{
  if (reader->failed)
    return FALSE;

  skip_space (reader);
  if (reader->pos >= reader->size || reader->data[reader->pos] != '"')
    return fail_token (reader, reader->pos, token_end (reader, reader->pos), _("expected a string"));

  return scan_string_token (reader, string);
}

gboolean
cf_sbom_json_reader_skip (CfSbomJsonReader *reader)
{
  guint depth = reader->depth;

  do
    {
      CfSbomJsonString string;
      gboolean ok;

      switch (cf_sbom_json_reader_peek (reader))
        {
        case CF_SBOM_JSON_OBJECT:
          ok = cf_sbom_json_reader_enter_object (reader);
          break;
        case CF_SBOM_JSON_ARRAY:
          ok = cf_sbom_json_reader_enter_array (reader);
          break;
        case CF_SBOM_JSON_STRING:
          ok = scan_string_token (reader, &string);
          break;
        case CF_SBOM_JSON_NUMBER:
        case CF_SBOM_JSON_BOOLEAN:
        case CF_SBOM_JSON_NULL:
          ok = scan_scalar (reader);
          break;
        case CF_SBOM_JSON_NONE:
        default:
          ok = FALSE;
          break;
        }
      if (!ok)
        return FALSE;

      /* Close what is complete, up to where a value is due. */
      while (reader->depth > depth)
        {
          CfSbomJsonFrame *frame = &reader->frames[reader->depth - 1];

          if (frame->is_array ? cf_sbom_json_reader_next_element (reader)
                              : cf_sbom_json_reader_next_member (reader, &string))
            break;
          if (reader->failed)
            return FALSE;
        }
    }
  while (reader->depth > depth);

  return TRUE;
}

gboolean
cf_sbom_json_reader_end (CfSbomJsonReader *reader)
{
  if (reader->failed)
    return FALSE;

  reader->root_read = TRUE;
  skip_space (reader);
  if (reader->pos >= reader->size)
    return TRUE;

  /* The pre-scan refuses it, and tells where. */
  return fail_at (reader, reader->pos, reader->line, reader->pos - reader->line_start + 1,
                  _("more after the end of the data"));
}

/* Strings */

static void
append_unit (GString *out,
             gunichar unit)
{
  char buffer[6];

  g_string_append_len (out, buffer, g_unichar_to_utf8 (unit, buffer));
}

/* The character of a two-character escape: \" \\ \/ \b \f \n \r \t. */
static char
unescape (guchar c)
{
  switch (c)
    {
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    default:
      return (char) c;
    }
}

/* As json-glib decodes. The pre-scan's rule let through surrogate escapes
 * only in proper pairs, and no \u0000. */
static const char *
decode (CfSbomJsonReader       *reader,
        const CfSbomJsonString *string)
{
  const guchar *text = (const guchar *) string->text;
  gsize length = string->length;
  GString *out = reader->scratch;
  gsize i = 0;

  g_string_truncate (out, 0);
  while (i < length)
    {
      gint32 unit;

      if (text[i] != '\\')
        {
          gsize run = i;

          while (run < length && text[run] != '\\')
            run++;
          g_string_append_len (out, (const char *) text + i, (gssize) (run - i));
          i = run;
          continue;
        }

      if (text[i + 1] != 'u')
        {
          g_string_append_c (out, unescape (text[i + 1]));
          i += 2;
          continue;
        }

      unit = hex4 (text + i + 2);
      i += 6;
      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          unit = 0x10000 + ((unit & 0x3FF) << 10) + (hex4 (text + i + 2) & 0x3FF);
          i += 6;
        }
      append_unit (out, (gunichar) unit);
    }

  return out->str;
}

char *
cf_sbom_json_reader_dup (CfSbomJsonReader       *reader,
                         const CfSbomJsonString *string)
{
  if (!string->escaped)
    return g_strndup (string->text, string->length);

  return g_strdup (decode (reader, string));
}

char *
cf_sbom_json_reader_dup_clean (CfSbomJsonReader       *reader,
                               const CfSbomJsonString *string)
{
  const char *start = string->text;
  const char *end = string->text + string->length;

  if (string->escaped)
    return _cf_sbom_clean (decode (reader, string));

  /* Already UTF-8, without NULs: only the trimming is left to do. */
  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  return start < end ? g_strndup (start, (gsize) (end - start)) : NULL;
}

gboolean
cf_sbom_json_reader_equal (CfSbomJsonReader       *reader,
                           const CfSbomJsonString *string,
                           const char             *text)
{
  if (!string->escaped)
    return string->length == strlen (text) && memcmp (string->text, text, string->length) == 0;

  return strcmp (decode (reader, string), text) == 0;
}

gboolean
cf_sbom_json_reader_is_blank (CfSbomJsonReader       *reader,
                              const CfSbomJsonString *string)
{
  const char *text = string->text;
  gsize length = string->length;

  if (string->escaped)
    {
      text = decode (reader, string);
      length = strlen (text);
    }

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;

  return TRUE;
}

char *
cf_sbom_json_reader_dup_path (CfSbomJsonReader *reader)
{
  g_autofree char *path = g_strdup ("$");

  for (guint i = 0; i < reader->depth && reader->frames[i].count > 0; i++)
    {
      const CfSbomJsonFrame *frame = &reader->frames[i];
      char *longer;

      if (frame->is_array)
        longer = _cf_sbom_json_path (path, NULL, (gint) MIN (frame->count - 1, (guint) G_MAXINT));
      else
        {
          g_autofree char *member = cf_sbom_json_reader_dup (reader, &frame->member);

          longer = _cf_sbom_json_path (path, member, 0);
        }
      g_free (path);
      path = longer;
    }

  return g_steal_pointer (&path);
}
