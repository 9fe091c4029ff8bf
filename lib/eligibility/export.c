/*
 * The screen's results as text: CSV, an aligned table, JSON.
 *
 * Pure formatting of what the run computed, so the command and the bindings
 * print the same words. CSV: one row per trust (the columns first);
 * table: one line per trust, and for a single trust every criterion beneath
 * it; JSON: everything, both levels, with the figures as numbers.
 */
#include <stdio.h>
#include <string.h>

#include "eligibility_internal.h"

/* Criterion IDs of trust i with outcome o, joined by ';'. */
static void ids_with(tai_text *t, const tai_level *l, size_t i, ta_criterion_outcome o)
{
    int first = 1;
    for (size_t k = 0; k < l->n_criteria; k++)
        if (l->results[i * l->n_criteria + k].outcome == o) {
            if (!first)
                tai_text_puts(t, ";");
            tai_text_puts(t, l->ids[k]);
            first = 0;
        }
}

/* A failure in a scratch text becomes the output's (the scratch is cleared and reused). */
static void keep_failure(tai_text *o, const tai_text *scratch)
{
    if (scratch->st != TA_OK && o->st == TA_OK)
        o->st = scratch->st;
}

static void write_csv(ta_screen *s, const char *code)
{
    tai_text *o = &s->out, cell;
    const tai_level *l = &s->levels[0];
    tai_text_init(&cell, &s->alloc);
    tai_text_puts(o, "Trust_code,Trust_name,Trust_type,Verdict,Criteria_met,Criteria_failed,"
                     "Criteria_no_evidence,Change,IHO_verdict,Reasons\n");
    for (size_t i = 0; i < s->n_trusts; i++) {
        const tai_screen_trust *t = &s->trusts[i];
        if (code && strcmp(code, t->code) != 0)
            continue;
        tai_text_csv_field(o, t->code);
        tai_text_puts(o, ",");
        tai_text_csv_field(o, t->name);
        tai_text_puts(o, ",");
        tai_text_csv_field(o, t->type);
        tai_text_puts(o, ",");
        tai_text_puts(o, ta_eligibility_name(l->verdicts[i]));
        for (int oc = TA_MET; oc <= TA_NO_EVIDENCE; oc++) {
            tai_text_clear(&cell);
            ids_with(&cell, l, i, (ta_criterion_outcome)oc);
            keep_failure(o, &cell);
            tai_text_puts(o, ",");
            tai_text_csv_field(o, cell.data ? cell.data : "");
        }
        tai_text_puts(o, ",");
        tai_text_csv_field(o, l->changes[i]);
        tai_text_puts(o, ",");
        if (s->has_iho)
            tai_text_puts(o, ta_eligibility_name(s->levels[1].verdicts[i]));
        tai_text_clear(&cell);
        for (size_t k = 0; k < l->n_criteria; k++) {
            if (k)
                tai_text_puts(&cell, " | ");
            tai_text_puts(&cell, l->ids[k]);
            tai_text_puts(&cell, ": ");
            tai_text_puts(&cell, l->results[i * l->n_criteria + k].reason);
        }
        tai_text_puts(o, ",");
        tai_text_csv_field(o, cell.data ? cell.data : "");
        tai_text_puts(o, "\n");
        keep_failure(o, &cell);
    }
    tai_text_free(&cell);
}

static void cell(tai_text *o, const char *text, size_t width)
{
    size_t n = strlen(text);
    tai_text_puts(o, text);
    tai_text_pad(o, ' ', n < width ? width - n + 2 : 2);
}

/* n right-aligned in width columns (wider when it needs more), then 2 spaces. */
static void count_cell(tai_text *o, size_t n, int width)
{
    char num[32]; /* a size_t has at most 20 digits; width is at most 11 */
    (void)snprintf(num, sizeof num, "%*zu  ", width, n);
    tai_text_puts(o, num);
}

static void write_criteria_lines(tai_text *o, const tai_level *l, size_t i, const char *title)
{
    tai_text_puts(o, "    ");
    tai_text_puts(o, title);
    tai_text_puts(o, "\n");
    for (size_t k = 0; k < l->n_criteria; k++) {
        const tai_result *r = &l->results[i * l->n_criteria + k];
        tai_text_puts(o, "      ");
        cell(o, l->ids[k], 17);
        cell(o, ta_criterion_outcome_name(r->outcome), 11);
        tai_text_puts(o, r->reason);
        tai_text_puts(o, "\n");
    }
}

static void write_table(ta_screen *s, const char *code)
{
    tai_text *o = &s->out;
    const tai_level *l = &s->levels[0];
    size_t wcode = 5, wname = 4;
    for (size_t i = 0; i < s->n_trusts; i++) {
        if (code && strcmp(code, s->trusts[i].code) != 0)
            continue;
        if (strlen(s->trusts[i].code) > wcode)
            wcode = strlen(s->trusts[i].code);
        if (strlen(s->trusts[i].name) > wname)
            wname = strlen(s->trusts[i].name);
    }
    cell(o, "Trust", wcode);
    cell(o, "Name", wname);
    cell(o, "Verdict", 12);
    tai_text_puts(o, "Met  Failed  No evidence  ");
    if (s->has_iho)
        cell(o, "IHO", 12);
    tai_text_puts(o, "Change\n");
    for (size_t i = 0; i < s->n_trusts; i++) {
        const tai_screen_trust *t = &s->trusts[i];
        if (code && strcmp(code, t->code) != 0)
            continue;
        cell(o, t->code, wcode);
        cell(o, t->name, wname);
        cell(o, ta_eligibility_name(l->verdicts[i]), 12);
        count_cell(o, l->counts[3 * i], 3);
        count_cell(o, l->counts[3 * i + 1], 6);
        count_cell(o, l->counts[3 * i + 2], 11);
        if (s->has_iho)
            cell(o, ta_eligibility_name(s->levels[1].verdicts[i]), 12);
        tai_text_puts(o, l->changes[i]);
        tai_text_puts(o, "\n");
        if (code) {
            write_criteria_lines(o, l, i, "AFT criteria:");
            if (s->has_iho)
                write_criteria_lines(o, &s->levels[1], i, "IHO criteria:");
        }
    }
}

static void json_number(tai_text *o, int has, double v)
{
    if (has)
        tai_text_figure(o, v);
    else
        tai_text_puts(o, "null");
}

static void json_level(ta_screen *s, const tai_level *l, size_t i)
{
    tai_text *o = &s->out;
    tai_text_puts(o, "{\"verdict\": ");
    tai_text_json_string(o, ta_eligibility_name(l->verdicts[i]));
    tai_text_puts(o, ", \"change\": ");
    tai_text_json_string(o, l->changes[i]);
    tai_text_puts(o, ", \"criteria\": [");
    for (size_t k = 0; k < l->n_criteria; k++) {
        const tai_result *r = &l->results[i * l->n_criteria + k];
        tai_text_puts(o, k ? ",\n      {\"id\": " : "\n      {\"id\": ");
        tai_text_json_string(o, l->ids[k]);
        tai_text_puts(o, ", \"name\": ");
        tai_text_json_string(o, l->names[k]);
        tai_text_puts(o, ", \"outcome\": ");
        tai_text_json_string(o, ta_criterion_outcome_name(r->outcome));
        tai_text_puts(o, ", \"value\": ");
        json_number(o, r->has_value, r->value);
        tai_text_puts(o, ", \"threshold\": ");
        json_number(o, r->has_threshold, r->threshold);
        tai_text_puts(o, ", \"period\": ");
        if (r->period < s->n_periods)
            tai_text_json_string(o, s->labels[r->period]);
        else
            tai_text_puts(o, "null");
        tai_text_puts(o, ", \"reason\": ");
        tai_text_json_string(o, r->reason);
        tai_text_puts(o, "}");
    }
    tai_text_puts(o, "]}");
}

static void write_json(ta_screen *s, const char *code)
{
    tai_text *o = &s->out;
    int first = 1;
    tai_text_puts(o, "{\"periods\": [");
    for (size_t q = 0; q < s->n_periods; q++) {
        if (q)
            tai_text_puts(o, ", ");
        tai_text_json_string(o, s->labels[q]);
    }
    tai_text_puts(o, "],\n \"trusts\": [");
    for (size_t i = 0; i < s->n_trusts; i++) {
        const tai_screen_trust *t = &s->trusts[i];
        if (code && strcmp(code, t->code) != 0)
            continue;
        tai_text_puts(o, first ? "\n  {\"code\": " : ",\n  {\"code\": ");
        first = 0;
        tai_text_json_string(o, t->code);
        tai_text_puts(o, ", \"name\": ");
        tai_text_json_string(o, t->name);
        tai_text_puts(o, ", \"type\": ");
        tai_text_json_string(o, t->type);
        tai_text_puts(o, ",\n   \"aft\": ");
        json_level(s, &s->levels[0], i);
        tai_text_puts(o, ",\n   \"iho\": ");
        if (s->has_iho)
            json_level(s, &s->levels[1], i);
        else
            tai_text_puts(o, "null");
        tai_text_puts(o, "}");
    }
    tai_text_puts(o, "]}\n");
}

ta_status tai_screen_write(ta_screen *s, ta_screen_format format, const char *code)
{
    tai_text_clear(&s->out);
    if (format == TA_SCREEN_CSV)
        write_csv(s, code);
    else if (format == TA_SCREEN_TABLE)
        write_table(s, code);
    else
        write_json(s, code);
    if (s->out.st != TA_OK)
        return tai_error_set(&s->err, s->out.st, "out of memory writing the results");
    return TA_OK;
}
