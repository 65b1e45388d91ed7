package org.jgrub.cli.grub;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * GRUB's script grammar (grub-core/script/parser.y), parsed one top-level statement at a time
 * as GRUB's normal mode reads a config file: each statement runs before the next is parsed, and
 * a syntax error loses only that statement.
 *
 * <p>Inside if/for/while bodies and blocks only commands are allowed (function definitions only
 * at top level); a block needs at least one command; keywords are ordinary words when they are
 * not in command position.
 */
final class Parser {
    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "for", "in",
        "do", "done", "while", "until", "function", "case", "esac", "select");

    private final Lexer lexer;
    private final int maxDepth;
    private Token tok;
    private int depth;
    /** Whether the last {@link #commands()} list ended with delimiters. */
    private boolean delimited;

    Parser(Lexer lexer, int maxDepth) {
        this.lexer = lexer;
        this.maxDepth = maxDepth;
    }

    /** Parses a whole text (a menu entry body, an eval string): all statements or a SyntaxError. */
    static List<Node> parseAll(String source, int firstLine, int maxDepth) {
        Parser p = new Parser(new Lexer(source, firstLine), maxDepth);
        List<Node> out = new ArrayList<>();
        for (Node n = p.nextStatement(); n != null; n = p.nextStatement()) {
            out.add(n);
        }
        return out;
    }

    /** The next top-level statement, or null at the end of the text. */
    Node nextStatement() {
        if (tok == null) {
            advance();
        }
        skipNewlines();
        if (tok.type() == TokenType.EOF) {
            return null;
        }
        depth = 0;
        Node n = isKeyword("function") ? function() : command();
        if (tok.type() == TokenType.SEMI || tok.type() == TokenType.NEWLINE) {
            advance();
        } else if (tok.type() != TokenType.EOF) {
            throw unexpected();
        }
        return n;
    }

    /** After a SyntaxError: drop the rest of the line it happened on. */
    void recover() {
        try {
            while (tok != null && tok.type() != TokenType.NEWLINE && tok.type() != TokenType.EOF) {
                advance();
            }
            if (tok != null && tok.type() == TokenType.NEWLINE) {
                advance();
            }
        } catch (SyntaxError e) {
            // An unterminated quote swallows the rest of the text, as GRUB would wait for more.
            tok = new Token(TokenType.EOF, null, "", lexer.line(), 0, 0);
        }
    }

    private void advance() {
        tok = lexer.next();
    }

    private void skipNewlines() {
        while (tok.type() == TokenType.NEWLINE) {
            advance();
        }
    }

    private boolean isKeyword(String k) {
        return tok.type() == TokenType.WORD && tok.word().isPlain(k);
    }

    private SyntaxError unexpected() {
        String what = switch (tok.type()) {
            case EOF -> "end of input";
            case NEWLINE -> "newline";
            default -> "`" + tok.text() + "'";
        };
        return new SyntaxError("syntax error near " + what, tok.line());
    }

    private void enter() {
        if (++depth > maxDepth) {
            throw new GrubLimitExceeded("script nesting deeper than " + maxDepth + " levels (line " + tok.line() + ")");
        }
    }

    private Node command() {
        if (tok.type() != TokenType.WORD) {
            throw unexpected();
        }
        String plain = tok.word().plain();
        if (plain != null && KEYWORDS.contains(plain)) {
            return switch (plain) {
                case "if" -> ifCommand();
                case "for" -> forCommand();
                case "while", "until" -> loopCommand();
                default -> throw unexpected();
            };
        }
        int line = tok.line();
        List<Word> words = new ArrayList<>();
        while (tok.type() == TokenType.WORD) {
            words.add(tok.word());
            advance();
        }
        Block block = null;
        if (tok.type() == TokenType.LBRACE) {
            block = block();
        }
        return new SimpleCommand(words, block, line);
    }

    private Block block() {
        enter();
        int line = tok.line();
        int bodyStart = tok.end();
        advance();
        List<Node> body = commands();
        if (tok.type() != TokenType.RBRACE) {
            throw unexpected();
        }
        String source = lexer.source().substring(bodyStart, tok.start());
        advance();
        depth--;
        return new Block(source, line, body);
    }

    /** commands1 delimiters0: one or more commands separated by ';' or newlines. */
    private List<Node> commands() {
        List<Node> list = new ArrayList<>();
        skipNewlines();
        list.add(command());
        delimited = false;
        while (tok.type() == TokenType.SEMI || tok.type() == TokenType.NEWLINE) {
            advance();
            skipNewlines();
            delimited = true;
            if (tok.type() != TokenType.WORD || isTerminator()) {
                return list;
            }
            list.add(command());
            delimited = false;
        }
        return list;
    }

    private boolean isTerminator() {
        String p = tok.word().plain();
        return p != null && (p.equals("then") || p.equals("else") || p.equals("elif") || p.equals("fi")
            || p.equals("do") || p.equals("done") || p.equals("in") || p.equals("esac"));
    }

    private void expectAfterDelimiter(String keyword) {
        if (!delimited || !isKeyword(keyword)) {
            throw unexpected();
        }
        advance();
    }

    private Node ifCommand() {
        enter();
        int line = tok.line();
        advance();
        Node n = ifClause(line);
        depth--;
        return n;
    }

    private IfCommand ifClause(int line) {
        List<Node> cond = commands();
        expectAfterDelimiter("then");
        List<Node> then = commands();
        if (!delimited) {
            throw unexpected();
        }
        if (isKeyword("fi")) {
            advance();
            return new IfCommand(cond, then, List.of(), line);
        }
        if (isKeyword("else")) {
            advance();
            List<Node> orElse = commands();
            expectAfterDelimiter("fi");
            return new IfCommand(cond, then, orElse, line);
        }
        if (isKeyword("elif")) {
            int elifLine = tok.line();
            advance();
            enter();
            IfCommand elif = ifClause(elifLine);
            depth--;
            return new IfCommand(cond, then, List.of(elif), line);
        }
        throw unexpected();
    }

    private Node forCommand() {
        enter();
        int line = tok.line();
        advance();
        if (tok.type() != TokenType.WORD || !Word.isName(tok.word().plain())) {
            throw unexpected();
        }
        String name = tok.word().plain();
        advance();
        if (!isKeyword("in")) {
            throw unexpected();
        }
        advance();
        List<Word> words = new ArrayList<>();
        while (tok.type() == TokenType.WORD) {
            words.add(tok.word());
            advance();
        }
        if (tok.type() != TokenType.SEMI && tok.type() != TokenType.NEWLINE) {
            throw unexpected();
        }
        advance();
        skipNewlines();
        delimited = true;
        expectAfterDelimiter("do");
        List<Node> body = commands();
        expectAfterDelimiter("done");
        depth--;
        return new ForCommand(name, words, body, line);
    }

    private Node loopCommand() {
        enter();
        int line = tok.line();
        boolean until = isKeyword("until");
        advance();
        List<Node> cond = commands();
        expectAfterDelimiter("do");
        List<Node> body = commands();
        expectAfterDelimiter("done");
        depth--;
        return new LoopCommand(until, cond, body, line);
    }

    private Node function() {
        enter();
        int line = tok.line();
        advance();
        if (tok.type() != TokenType.WORD || !Word.isName(tok.word().plain())) {
            throw unexpected();
        }
        String name = tok.word().plain();
        advance();
        skipNewlines();
        if (tok.type() != TokenType.LBRACE) {
            throw unexpected();
        }
        advance();
        List<Node> body = commands();
        if (!delimited || tok.type() != TokenType.RBRACE) {
            throw unexpected();
        }
        advance();
        depth--;
        return new FunctionDef(name, body, line);
    }
}
