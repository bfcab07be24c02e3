using System.Globalization;

namespace Trinn.Core.Instruments.Definitions;

/// <summary>
/// The subset of REDCap branching logic Trinn supports: comparisons <c>= &lt;&gt; != &lt; &gt; &lt;= &gt;=</c>
/// between a field (<c>[q2]</c>, or a checkbox option <c>[q6(3)]</c>, which is '1' when ticked and '0'
/// otherwise) and a quoted string or a number, combined with <c>and</c>, <c>or</c> and parentheses
/// (<c>and</c> binds tighter). Semantics follow REDCap: an unanswered field is the empty string; when both sides
/// are numbers they compare as numbers, otherwise <c>=</c>/<c>&lt;&gt;</c> compare text and the ordering
/// operators are false.
/// </summary>
public sealed class BranchingExpression
{
    private readonly Node _root;

    private BranchingExpression(string source, Node root, IReadOnlyList<FieldReference> references)
    {
        Source = source;
        _root = root;
        References = references;
    }

    public string Source { get; }

    /// <summary>Every field the expression reads, in order of appearance.</summary>
    public IReadOnlyList<FieldReference> References { get; }

    /// <exception cref="FormatException">The text is not in the supported subset.</exception>
    public static BranchingExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(Tokenize(text), text);
        var root = parser.ParseOr();
        parser.ExpectEnd();
        return new BranchingExpression(text, root, parser.References);
    }

    public static bool TryParse(string text, out BranchingExpression? expression, out string? error)
    {
        try
        {
            expression = Parse(text);
            error = null;
            return true;
        }
        catch (FormatException ex)
        {
            expression = null;
            error = ex.Message;
            return false;
        }
    }

    public bool Evaluate(IReadOnlyDictionary<string, IReadOnlyList<string>> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return _root.Evaluate(answers);
    }

    public bool Evaluate(AnswerSet answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return _root.Evaluate(answers.Values);
    }

    public override string ToString() => Source;

    private enum TokenKind { Field, String, Number, Operator, And, Or, LParen, RParen }

    private sealed record Token(TokenKind Kind, string Text, string? Code, int Position);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '[')
            {
                var end = text.IndexOf(']', i);
                if (end < 0)
                {
                    throw Error(text, i, "'[' without ']'");
                }

                var inner = text[(i + 1)..end].Trim();
                string? code = null;
                var paren = inner.IndexOf('(', StringComparison.Ordinal);
                if (paren >= 0)
                {
                    if (!inner.EndsWith(')'))
                    {
                        throw Error(text, i, "checkbox reference must look like [field(code)]");
                    }

                    code = inner[(paren + 1)..^1].Trim();
                    inner = inner[..paren].Trim();
                    if (code.Length == 0)
                    {
                        throw Error(text, i, "empty checkbox code");
                    }
                }

                if (!ItemIds.IsValid(inner))
                {
                    throw Error(text, i, $"'{inner}' is not a valid field name");
                }

                tokens.Add(new Token(TokenKind.Field, inner, code, i));
                i = end + 1;
            }
            else if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    throw Error(text, i, "unterminated string");
                }

                tokens.Add(new Token(TokenKind.String, text[(i + 1)..end], null, i));
                i = end + 1;
            }
            else if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                var start = i;
                i++;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Number, text[start..i], null, start));
            }
            else if (c is '=' or '<' or '>' or '!')
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : null;
                if (two is "<>" or "!=" or "<=" or ">=")
                {
                    tokens.Add(new Token(TokenKind.Operator, two, null, i));
                    i += 2;
                }
                else if (c == '!')
                {
                    throw Error(text, i, "'!' must be followed by '='");
                }
                else
                {
                    tokens.Add(new Token(TokenKind.Operator, c.ToString(), null, i));
                    i++;
                }
            }
            else if (c == '(')
            {
                tokens.Add(new Token(TokenKind.LParen, "(", null, i++));
            }
            else if (c == ')')
            {
                tokens.Add(new Token(TokenKind.RParen, ")", null, i++));
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }

                var word = text[start..i];
                if (word.Equals("and", StringComparison.OrdinalIgnoreCase))
                {
                    tokens.Add(new Token(TokenKind.And, word, null, start));
                }
                else if (word.Equals("or", StringComparison.OrdinalIgnoreCase))
                {
                    tokens.Add(new Token(TokenKind.Or, word, null, start));
                }
                else
                {
                    throw Error(text, start, $"unsupported word '{word}'");
                }
            }
            else
            {
                throw Error(text, i, $"unexpected character '{c}'");
            }
        }

        return tokens;
    }

    private static FormatException Error(string text, int position, string message) =>
        new($"Branching logic \"{text}\" at position {position}: {message}.");

    private sealed class Parser(List<Token> tokens, string text)
    {
        private int _pos;

        public List<FieldReference> References { get; } = [];

        public Node ParseOr()
        {
            var left = ParseAnd();
            while (Peek()?.Kind == TokenKind.Or)
            {
                _pos++;
                left = new OrNode(left, ParseAnd());
            }

            return left;
        }

        public void ExpectEnd()
        {
            if (_pos < tokens.Count)
            {
                throw Error(text, tokens[_pos].Position, $"unexpected '{tokens[_pos].Text}'");
            }
        }

        private Node ParseAnd()
        {
            var left = ParsePrimary();
            while (Peek()?.Kind == TokenKind.And)
            {
                _pos++;
                left = new AndNode(left, ParsePrimary());
            }

            return left;
        }

        private Node ParsePrimary()
        {
            var token = Next("a comparison");
            if (token.Kind == TokenKind.LParen)
            {
                var inner = ParseOr();
                var close = Next("')'");
                if (close.Kind != TokenKind.RParen)
                {
                    throw Error(text, close.Position, "expected ')'");
                }

                return inner;
            }

            var left = Operand(token);
            var op = Next("an operator");
            if (op.Kind != TokenKind.Operator)
            {
                throw Error(text, op.Position, "expected an operator");
            }

            var right = Operand(Next("a value"));
            return new CompareNode(left, op.Text == "!=" ? "<>" : op.Text, right);
        }

        private Operand Operand(Token token)
        {
            switch (token.Kind)
            {
                case TokenKind.Field:
                    References.Add(new FieldReference(token.Text, token.Code));
                    return new Operand(token.Text, token.Code, null);
                case TokenKind.String:
                case TokenKind.Number:
                    return new Operand(null, null, token.Text);
                case TokenKind.Operator:
                case TokenKind.And:
                case TokenKind.Or:
                case TokenKind.LParen:
                case TokenKind.RParen:
                default:
                    throw Error(text, token.Position, $"expected a field or a value, found '{token.Text}'");
            }
        }

        private Token? Peek() => _pos < tokens.Count ? tokens[_pos] : null;

        private Token Next(string expected)
        {
            if (_pos >= tokens.Count)
            {
                throw Error(text, text.Length, $"expected {expected} at the end");
            }

            return tokens[_pos++];
        }
    }

    private abstract record Node
    {
        public abstract bool Evaluate(IReadOnlyDictionary<string, IReadOnlyList<string>> answers);
    }

    private sealed record OrNode(Node Left, Node Right) : Node
    {
        public override bool Evaluate(IReadOnlyDictionary<string, IReadOnlyList<string>> answers) =>
            Left.Evaluate(answers) || Right.Evaluate(answers);
    }

    private sealed record AndNode(Node Left, Node Right) : Node
    {
        public override bool Evaluate(IReadOnlyDictionary<string, IReadOnlyList<string>> answers) =>
            Left.Evaluate(answers) && Right.Evaluate(answers);
    }

    private sealed record Operand(string? Field, string? Code, string? Literal)
    {
        public string Value(IReadOnlyDictionary<string, IReadOnlyList<string>> answers)
        {
            if (Field is null)
            {
                return Literal!;
            }

            answers.TryGetValue(Field, out var values);
            if (Code is not null)
            {
                return values is not null && values.Contains(Code) ? "1" : "0";
            }

            return values is { Count: 1 } ? values[0] : string.Empty;
        }
    }

    private sealed record CompareNode(Operand Left, string Operator, Operand Right) : Node
    {
        public override bool Evaluate(IReadOnlyDictionary<string, IReadOnlyList<string>> answers)
        {
            var a = Left.Value(answers);
            var b = Right.Value(answers);
            var numeric = TryNumber(a, out var x) & TryNumber(b, out var y);
            return Operator switch
            {
                "=" => numeric ? x == y : string.Equals(a, b, StringComparison.Ordinal),
                "<>" => numeric ? x != y : !string.Equals(a, b, StringComparison.Ordinal),
                "<" => numeric && x < y,
                ">" => numeric && x > y,
                "<=" => numeric && x <= y,
                ">=" => numeric && x >= y,
                _ => throw new InvalidOperationException(Operator),
            };
        }

        private static bool TryNumber(string s, out decimal value) =>
            decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}

/// <summary>A field read by a branching expression; <see cref="Code"/> is set for checkbox references <c>[q6(3)]</c>.</summary>
public sealed record FieldReference(string ItemId, string? Code);

internal static class ItemIds
{
    public static bool IsValid(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 100 || id[0] is < 'a' or > 'z')
        {
            return false;
        }

        foreach (var c in id)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
