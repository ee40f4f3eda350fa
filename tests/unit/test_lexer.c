/* test_lexer.c — token errors carry CPython 3.11's messages and lines;
 * the token streams themselves are compared with CPython's tokenizer by
 * tests/lexer/compare.py. */
#include "support.h"
#include "lexer.h"

static TokKind last_kind(const char *src, Lexer *lx)
{
    Token t;
    TokKind k;
    lexer_init(lx, src, strlen(src));
    while ((k = lexer_next(lx, &t)) != TK_ENDMARKER && k != TK_ERROR)
        ;
    return k;
}

static void expect_error(const char *src, const char *type, const char *msg, int line)
{
    Lexer lx;
    assert_int_equal(last_kind(src, &lx), TK_ERROR);
    assert_string_equal(lx.error_type, type);
    assert_string_equal(lx.error, msg);
    assert_int_equal(lx.error_line, line);
}

static void test_errors(void **state)
{
    expect_error("x = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1);
    expect_error("s = \"\"\"abc\n\n", "SyntaxError",
                 "unterminated triple-quoted string literal (detected at line 2)", 1);
    expect_error("if x:\n    a\n  b\n", "IndentationError",
                 "unindent does not match any outer indentation level", 3);
    expect_error("x = \xe2\x82\xac\n", "SyntaxError", "invalid character '\xe2\x82\xac' (U+20AC)", 1);
    expect_error("x = 1 $ 2\n", "SyntaxError", "invalid syntax", 1);
    expect_error("s = '''abc", "SyntaxError",
                 "unterminated triple-quoted string literal (detected at line 1)", 1);
}

static void test_deep_nesting_and_long_input(void **state)
{
    /* a long line and many lines: no limits but memory */
    enum { N = 200000 };
    char *src = malloc(N * 6 + 1);
    for (int i = 0; i < N; i++)
        memcpy(src + i * 6, "x = 1\n", 6);
    src[N * 6] = '\0';
    Lexer lx;
    Token t;
    int newlines = 0;
    lexer_init(&lx, src, N * 6);
    for (TokKind k; (k = lexer_next(&lx, &t)) != TK_ENDMARKER;) {
        assert_int_not_equal(k, TK_ERROR);
        newlines += k == TK_NEWLINE;
    }
    assert_int_equal(newlines, N);
    free(src);
    char deep[LEXER_MAX_NESTING + 10];
    memset(deep, '(', sizeof deep - 1);
    deep[sizeof deep - 1] = '\0';
    expect_error(deep, "SyntaxError", "too many nested parentheses", 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        MP_TEST(test_errors),
        MP_TEST(test_deep_nesting_and_long_input),
    };
    return cmocka_run_group_tests_name("lexer", tests, NULL, NULL);
}
