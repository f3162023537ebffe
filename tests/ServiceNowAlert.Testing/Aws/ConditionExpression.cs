using System.Globalization;
using System.Text.Json.Nodes;

namespace ServiceNowAlert.Testing.Aws;

/// <summary>
/// Evaluates a DynamoDB condition expression against an item, for the grammar the fakes need:
/// <c>attribute_exists(p)</c>, <c>attribute_not_exists(p)</c>, comparisons (= &lt;&gt; &lt; &lt;= &gt; &gt;=) between
/// attribute paths and <c>:values</c>, AND, OR, NOT and parentheses. Anything else throws, so a fake never
/// silently agrees with an expression it does not understand.
/// </summary>
public static class ConditionExpression
{
    public static bool Evaluate(string expression, JsonObject? item, IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, JsonObject> values)
    {
        var parser = new Parser(Tokenise(expression), item, names, values);
        var result = parser.Or();
        parser.ExpectEnd();
        return result;
    }

    private static List<string> Tokenise(string expression)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c is '<' or '>' or '=')
            {
                var two = i + 1 < expression.Length ? expression.Substring(i, 2) : string.Empty;
                var op = two is "<=" or ">=" or "<>" ? two : c.ToString();
                tokens.Add(op);
                i += op.Length;
            }
            else if (char.IsLetterOrDigit(c) || c is '#' or ':' or '_')
            {
                var start = i;
                while (i < expression.Length && (char.IsLetterOrDigit(expression[i]) || expression[i] is '#' or ':' or '_' or '.'))
                {
                    i++;
                }

                tokens.Add(expression[start..i]);
            }
            else
            {
                throw new FormatException($"Invalid ConditionExpression: unexpected '{c}' at {i}");
            }
        }

        return tokens;
    }

    private sealed class Parser(List<string> tokens, JsonObject? item, IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, JsonObject> values)
    {
        private int _at;

        public bool Or()
        {
            var result = And();
            while (Accept("OR"))
            {
                result |= And();
            }

            return result;
        }

        public void ExpectEnd()
        {
            if (_at != tokens.Count)
            {
                throw new FormatException($"Invalid ConditionExpression: unexpected '{tokens[_at]}'");
            }
        }

        private bool And()
        {
            var result = Not();
            while (Accept("AND"))
            {
                result &= Not();
            }

            return result;
        }

        private bool Not() => Accept("NOT") ? !Not() : Primary();

        private bool Primary()
        {
            if (Accept("("))
            {
                var inner = Or();
                Expect(")");
                return inner;
            }

            var token = Next();
            if (token is "attribute_exists" or "attribute_not_exists")
            {
                Expect("(");
                var exists = Attribute(Next()) is not null;
                Expect(")");
                return token == "attribute_exists" ? exists : !exists;
            }

            var left = Operand(token);
            var op = Next();
            var right = Operand(Next());
            if (left is null || right is null)
            {
                return false;
            }

            var order = Compare(left, right);
            if (order is null)
            {
                // Different types never compare equal, and never order.
                return op == "<>";
            }

            return op switch
            {
                "=" => order == 0,
                "<>" => order != 0,
                "<" => order < 0,
                "<=" => order <= 0,
                ">" => order > 0,
                ">=" => order >= 0,
                _ => throw new FormatException($"Invalid ConditionExpression: unknown operator '{op}'"),
            };
        }

        private JsonObject? Operand(string token) =>
            token.StartsWith(':')
                ? values.TryGetValue(token, out var value) ? value : throw new FormatException($"Value provided in ExpressionAttributeValues unused or missing: {token}")
                : Attribute(token);

        private JsonObject? Attribute(string token)
        {
            var name = token.StartsWith('#')
                ? names.TryGetValue(token, out var alias) ? alias : throw new FormatException($"An expression attribute name used in the document path is not defined: {token}")
                : token;
            return item?[name] as JsonObject;
        }

        private static int? Compare(JsonObject left, JsonObject right)
        {
            if (left["N"] is { } leftNumber && right["N"] is { } rightNumber)
            {
                return decimal.Parse(leftNumber.GetValue<string>(), CultureInfo.InvariantCulture).CompareTo(decimal.Parse(rightNumber.GetValue<string>(), CultureInfo.InvariantCulture));
            }

            if (left["S"] is { } leftText && right["S"] is { } rightText)
            {
                return string.CompareOrdinal(leftText.GetValue<string>(), rightText.GetValue<string>());
            }

            return null;
        }

        private bool Accept(string token)
        {
            if (_at < tokens.Count && string.Equals(tokens[_at], token, StringComparison.OrdinalIgnoreCase))
            {
                _at++;
                return true;
            }

            return false;
        }

        private void Expect(string token)
        {
            if (!Accept(token))
            {
                throw new FormatException($"Invalid ConditionExpression: expected '{token}'");
            }
        }

        private string Next() => _at < tokens.Count ? tokens[_at++] : throw new FormatException("Invalid ConditionExpression: ended early");
    }
}
