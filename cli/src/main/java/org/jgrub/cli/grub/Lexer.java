package org.jgrub.cli.grub;

import java.util.ArrayList;
import java.util.List;

/**
 * GRUB's script lexer (grub-core/script/yylex.l): words built of unquoted characters,
 * {@code 'single'} and {@code "double"} quoted strings, backslash escapes and {@code $var} /
 * {@code ${var}} references; newline, {@code ;}, <code>{</code> and <code>}</code> as separate
 * tokens; {@code #} comments at the start of a word; backslash-newline joins lines.
 */
final class Lexer {
    private final String src;
    private int pos;
    private int line;

    /** @param firstLine line number of the first character (menu entry bodies start mid-file) */
    Lexer(String src, int firstLine) {
        this.src = src;
        this.pos = 0;
        this.line = firstLine;
    }

    int line() {
        return line;
    }

    String source() {
        return src;
    }

    Token next() {
        skipBlanks();
        int start = pos;
        int startLine = line;
        if (pos >= src.length()) {
            return new Token(TokenType.EOF, null, "", line, pos, pos);
        }
        char c = src.charAt(pos);
        switch (c) {
            case '\n':
                pos++;
                line++;
                return new Token(TokenType.NEWLINE, null, "\n", startLine, start, pos);
            case ';':
                pos++;
                if (peek() == ';') {
                    pos++;
                    return new Token(TokenType.UNSUPPORTED, null, ";;", startLine, start, pos);
                }
                return new Token(TokenType.SEMI, null, ";", startLine, start, pos);
            case '{':
                pos++;
                return new Token(TokenType.LBRACE, null, "{", startLine, start, pos);
            case '}':
                pos++;
                return new Token(TokenType.RBRACE, null, "}", startLine, start, pos);
            case '|':
            case '&':
            case '<':
            case '>':
                pos++;
                if ((c == '|' || c == '&') && peek() == c) {
                    pos++;
                }
                return new Token(TokenType.UNSUPPORTED, null, src.substring(start, pos), startLine, start, pos);
            default:
                return word(start, startLine);
        }
    }

    private char peek() {
        return pos < src.length() ? src.charAt(pos) : '\0';
    }

    private void skipBlanks() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
                line++;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private static boolean isWordEnd(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '{' || c == '}'
            || c == '|' || c == '&' || c == '<' || c == '>';
    }

    private Token word(int start, int startLine) {
        List<WordPart> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean plain = true;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (isWordEnd(c)) {
                break;
            }
            if (c == '\\') {
                plain = false;
                pos++;
                if (pos >= src.length()) {
                    break;
                }
                char e = src.charAt(pos++);
                if (e == '\n') {
                    line++;
                } else {
                    text.append(e);
                }
            } else if (c == '\'') {
                plain = false;
                flush(parts, text, WordPartKind.TEXT);
                int close = src.indexOf('\'', pos + 1);
                if (close < 0) {
                    throw new SyntaxError("unterminated single quote", startLine);
                }
                String s = src.substring(pos + 1, close);
                countLines(s);
                parts.add(new WordPart(WordPartKind.SQSTR, s));
                pos = close + 1;
            } else if (c == '"' || (c == '$' && pos + 1 < src.length() && src.charAt(pos + 1) == '"')) {
                plain = false;
                flush(parts, text, WordPartKind.TEXT);
                pos += c == '$' ? 2 : 1;
                doubleQuoted(parts, startLine);
            } else if (c == '$' && variableAt(pos) != null) {
                plain = false;
                flush(parts, text, WordPartKind.TEXT);
                parts.add(new WordPart(WordPartKind.VAR, readVariable()));
            } else {
                text.append(c);
                pos++;
            }
        }
        flush(parts, text, WordPartKind.TEXT);
        String raw = src.substring(start, pos);
        String plainText = plain ? raw : null;
        return new Token(TokenType.WORD, new Word(parts, plainText), raw, startLine, start, pos);
    }

    private void doubleQuoted(List<WordPart> parts, int startLine) {
        StringBuilder text = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw new SyntaxError("unterminated double quote", startLine);
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char e = src.charAt(pos + 1);
                if (e == '$' || e == '\\' || e == '"') {
                    text.append(e);
                    pos += 2;
                    continue;
                }
                if (e == '\n') {
                    pos += 2;
                    line++;
                    continue;
                }
                text.append(c);
                pos++;
            } else if (c == '$' && variableAt(pos) != null) {
                flush(parts, text, WordPartKind.DQSTR);
                parts.add(new WordPart(WordPartKind.DQVAR, readVariable()));
            } else {
                if (c == '\n') {
                    line++;
                }
                text.append(c);
                pos++;
            }
        }
        // The closing quote always ends a (possibly empty) quoted piece, so "" and "$unset"
        // still make an empty argument, as in GRUB.
        parts.add(new WordPart(WordPartKind.DQSTR, text.toString()));
    }

    /** The variable name if a reference starts at i ('$' there), else null; does not move. */
    private String variableAt(int i) {
        int save = pos;
        int saveLine = line;
        pos = i;
        String name = readVariable();
        pos = save;
        line = saveLine;
        return name;
    }

    /** Reads {@code $name ${name} $1 ${1} $? $# $* $@} at pos; null (pos unchanged) if none. */
    private String readVariable() {
        int i = pos + 1;
        if (i >= src.length()) {
            return null;
        }
        char c = src.charAt(i);
        if (c == '{') {
            int close = src.indexOf('}', i + 1);
            if (close < 0) {
                return null;
            }
            String name = src.substring(i + 1, close);
            if (!validBraced(name)) {
                return null;
            }
            pos = close + 1;
            return name;
        }
        if (c == '?' || c == '#' || c == '*' || c == '@') {
            pos = i + 1;
            return String.valueOf(c);
        }
        int j = i;
        if (Character.isDigit(c) && c < 128) {
            while (j < src.length() && src.charAt(j) >= '0' && src.charAt(j) <= '9') {
                j++;
            }
        } else if ((c < 128 && Character.isLetter(c)) || c == '_') {
            while (j < src.length() && isNameChar(src.charAt(j))) {
                j++;
            }
        } else {
            return null;
        }
        pos = j;
        return src.substring(i, j);
    }

    private static boolean validBraced(String name) {
        if (name.equals("?") || name.equals("#") || name.equals("*") || name.equals("@")) {
            return true;
        }
        if (!name.isEmpty() && name.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return true;
        }
        return Word.isName(name);
    }

    private static boolean isNameChar(char c) {
        return (c < 128 && Character.isLetterOrDigit(c)) || c == '_';
    }

    private void countLines(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
    }

    private static void flush(List<WordPart> parts, StringBuilder text, WordPartKind kind) {
        if (text.length() > 0) {
            parts.add(new WordPart(kind, text.toString()));
            text.setLength(0);
        }
    }
}
