using Trinn.Core.Instruments.Definitions;

namespace Trinn.Core.Tests.Instruments;

public class BranchingExpressionTests
{
    private static Dictionary<string, IReadOnlyList<string>> Answers(params (string Id, string[] Values)[] pairs) =>
        pairs.ToDictionary(p => p.Id, p => (IReadOnlyList<string>)p.Values);

    [Theory]
    [InlineData("[q2] = '1'", true)]
    [InlineData("[q2] = '2'", false)]
    [InlineData("[q2] <> '2'", true)]
    [InlineData("[q2] != '1'", false)]
    [InlineData("[q2] = 1", true)]
    [InlineData("[q4] > 50", true)]
    [InlineData("[q4] < 50", false)]
    [InlineData("[q4] >= 60.5", true)]
    [InlineData("[q4] <= 60", false)]
    [InlineData("[q2] = '1' and [q4] > 70", false)]
    [InlineData("[q2] = '2' or [q4] > 50", true)]
    [InlineData("[q2] = '2' or [q2] = '1' and [q4] > 70", false)]
    [InlineData("([q2] = '2' or [q2] = '1') and [q4] > 50", true)]
    [InlineData("[q6(3)] = '1'", true)]
    [InlineData("[q6(4)] = '1'", false)]
    [InlineData("[q6(4)] = '0'", true)]
    [InlineData("[q9] = ''", true)]
    [InlineData("[q9] > 0", false)]
    [InlineData("[q9(1)] = '0'", true)]
    [InlineData("[q2] = '1' AND [q6(3)] = \"1\"", true)]
    public void Evaluate_GivenAnswers_MatchesRedCapSemantics(string expression, bool expected)
    {
        var answers = Answers(("q2", ["1"]), ("q4", ["60.5"]), ("q6", ["1", "3"]));

        Assert.Equal(expected, BranchingExpression.Parse(expression).Evaluate(answers));
    }

    [Fact]
    public void Evaluate_AndBindsTighterThanOr_OrOfAndGroups()
    {
        // a or (b and c): with a true, b false the whole is true; (a or b) and c would be false.
        var answers = Answers(("a", ["1"]), ("b", ["0"]), ("c", ["0"]));

        Assert.True(BranchingExpression.Parse("[a] = 1 or [b] = 1 and [c] = 1").Evaluate(answers));
    }

    [Fact]
    public void References_CheckboxAndPlainFields_ListedInOrder()
    {
        var expression = BranchingExpression.Parse("[q2] = '1' or [q6(10)] = '1'");

        Assert.Equal([new FieldReference("q2", null), new FieldReference("q6", "10")], expression.References);
    }

    [Theory]
    [InlineData("[q2] = ")]
    [InlineData("[q2 = '1'")]
    [InlineData("[Q2] = '1'")]
    [InlineData("[q2] == '1'")]
    [InlineData("[q2] = '1' xor [q3] = '1'")]
    [InlineData("([q2] = '1'")]
    [InlineData("[q2] = '1')")]
    [InlineData("[q2] = 'open")]
    [InlineData("[q6()] = '1'")]
    [InlineData("datediff([d], 'today', 'y') > 1")]
    public void Parse_OutsideSupportedSubset_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => BranchingExpression.Parse(text));
    }
}
