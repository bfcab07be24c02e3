using Trinn.Core.Instruments;
using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Instruments.Shipped;
using static Trinn.Core.Tests.Instruments.TestDefinitions;

namespace Trinn.Core.Tests.Instruments;

public class AnswerValidatorTests
{
    private static readonly InstrumentDefinition JobSeeker = ShippedInstruments.JobSeekerQuestionnaire;

    [Fact]
    public void Validate_Q2NeiWithAnswersToQ3Q4AndInWorkItems_DropsHiddenAnswers()
    {
        var raw = Raw(("q2", ["2"]), ("q3", ["2"]), ("q4", ["50"]), ("q12", ["5"]), ("q20", ["7"]), ("q23", ["1"]), ("q25", ["4"]), ("q5", ["4"]));

        var result = AnswerValidator.Validate(JobSeeker, raw);

        Assert.True(result.IsValid);
        Assert.Equal(["q2", "q5", "q23", "q25"], result.Answers.Values.Keys.OrderBy(k => k.Length).ThenBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_Q2JaAndDeltid_KeepsQ3Q4AndInWorkItemsDropsNotInWork()
    {
        var raw = Raw(("q2", ["1"]), ("q3", ["2"]), ("q4", ["50,5"]), ("q12", ["5"]), ("q23", ["1"]));

        var result = AnswerValidator.Validate(JobSeeker, raw);

        Assert.True(result.IsValid);
        Assert.Equal("50.5", result.Answers.ValueOf("q4"));
        Assert.Equal("5", result.Answers.ValueOf("q12"));
        Assert.False(result.Answers.IsAnswered("q23"));
    }

    [Fact]
    public void Validate_Q2JaAndHeltid_DropsPartTimePercentage()
    {
        var result = AnswerValidator.Validate(JobSeeker, Raw(("q2", ["1"]), ("q3", ["1"]), ("q4", ["50"])));

        Assert.False(result.Answers.IsAnswered("q4"));
    }

    [Fact]
    public void Validate_Q2Missing_RequiredErrorInNorwegianAndBranchesHidden()
    {
        var result = AnswerValidator.Validate(JobSeeker, Raw(("q12", ["3"]), ("q23", ["3"])));

        var error = Assert.Single(result.Errors);
        Assert.Equal("q2", error.ItemId);
        Assert.Equal("Required", error.Code);
        Assert.Equal("Du må svare på dette spørsmålet.", error.Message);
        Assert.Empty(result.Answers.Values);
    }

    [Fact]
    public void Validate_RecordsInstrumentVersion_OnTheAnswerSet()
    {
        var result = AnswerValidator.Validate(JobSeeker, Raw(("q2", ["2"])));

        Assert.Equal("jobbmestring", result.Answers.InstrumentKey);
        Assert.Equal(1, result.Answers.InstrumentVersion);
    }

    [Theory]
    [InlineData("q5", "9", "UnknownOption")]
    [InlineData("q4", "abc", "NotANumber")]
    [InlineData("q4", "101", "AboveMax")]
    [InlineData("q4", "-1", "BelowMin")]
    [InlineData("q1b", "40.5", "NotAWholeNumber")]
    [InlineData("q40", "11", "OutOfScale")]
    [InlineData("q40", "7.5", "OutOfScale")]
    [InlineData("q20", "0", "OutOfScale")]
    [InlineData("q35", "C", "UnknownOption")]
    [InlineData("dato", "31.02.2020", "InvalidDate")]
    public void Validate_BadValue_FieldErrorWithCode(string item, string value, string code)
    {
        var raw = Raw(("q2", ["1"]), ("q3", ["2"]), (item, [value]));

        var result = AnswerValidator.Validate(JobSeeker, raw);

        var error = Assert.Single(result.Errors);
        Assert.Equal(item, error.ItemId);
        Assert.Equal(code, error.Code);
        Assert.False(result.Answers.IsAnswered(item));
    }

    [Fact]
    public void Validate_AboveMax_MessageUsesNorwegianNumber()
    {
        var definition = Instrument(new ItemDefinition { Id = "n", Type = ItemType.Number, Label = "n", Max = 2.5m });

        var error = Assert.Single(AnswerValidator.Validate(definition, Raw(("n", ["3"]))).Errors);

        Assert.Equal("Tallet kan ikke være større enn 2,5.", error.Message);
    }

    [Fact]
    public void Validate_TwoValuesForSingleChoice_TooManyValues()
    {
        var error = Assert.Single(AnswerValidator.Validate(JobSeeker, Raw(("q2", ["1", "2"]))).Errors);

        Assert.Equal("TooManyValues", error.Code);
        Assert.Equal("q2", error.ItemId);
    }

    [Fact]
    public void Validate_ExclusiveOptionWithOthers_ErrorNamesTheOption()
    {
        var result = AnswerValidator.Validate(JobSeeker, Raw(("q2", ["2"]), ("q6", ["2", "11"])));

        var error = Assert.Single(result.Errors);
        Assert.Equal("q6", error.ItemId);
        Assert.Equal("«Vet ikke/usikker» kan ikke krysses av sammen med andre alternativer.", error.Message);
    }

    [Fact]
    public void Validate_MultipleChoice_StoresCodesInOptionOrderWithoutDuplicates()
    {
        var result = AnswerValidator.Validate(JobSeeker, Raw(("q2", ["2"]), ("q6", ["8", "2", "8", ""])));

        Assert.Equal(["2", "8"], result.Answers.Ticked("q6"));
    }

    [Fact]
    public void Validate_MultipleChoiceKeyWithOnlyBlank_AnsweredWithNothingTicked()
    {
        var result = AnswerValidator.Validate(ShippedInstruments.Fidelity, Raw(("item7", [""])));

        Assert.True(result.Answers.IsAnswered("item7"));
        Assert.Empty(result.Answers.Ticked("item7")!);
        Assert.False(result.Answers.IsAnswered("item8"));
    }

    [Fact]
    public void Validate_DateInNorwegianForm_StoredAsIso()
    {
        var result = AnswerValidator.Validate(JobSeeker, Raw(("q2", ["2"]), ("dato", ["05.03.2020"])));

        Assert.Equal("2020-03-05", result.Answers.ValueOf("dato"));
    }

    [Fact]
    public void Validate_TextLongerThanMaxLength_TooLong()
    {
        var definition = Instrument(new ItemDefinition { Id = "t", Type = ItemType.Text, Label = "t", MaxLength = 5 });

        Assert.Empty(AnswerValidator.Validate(definition, Raw(("t", ["abcde"]))).Errors);
        var error = Assert.Single(AnswerValidator.Validate(definition, Raw(("t", ["abcdef"]))).Errors);
        Assert.Equal("Svaret kan ikke være lengre enn 5 tegn.", error.Message);
    }

    [Fact]
    public void Validate_InvalidBranchKey_DependentItemsHidden()
    {
        var definition = Instrument(Single("a"), Single("b", showIf: "[a] = '1'", required: true));

        var result = AnswerValidator.Validate(definition, Raw(("a", ["7"]), ("b", ["1"])));

        var error = Assert.Single(result.Errors);
        Assert.Equal("a", error.ItemId);
        Assert.False(result.Answers.IsAnswered("b"));
    }

    [Fact]
    public void Validate_RequiredItemHiddenByBranching_NoRequiredError()
    {
        var definition = Instrument(Single("a"), Single("b", showIf: "[a] = '1'", required: true));

        Assert.True(AnswerValidator.Validate(definition, Raw(("a", ["2"]))).IsValid);
        Assert.Equal("b", Assert.Single(AnswerValidator.Validate(definition, Raw(("a", ["1"]))).Errors).ItemId);
    }

    [Fact]
    public void IsVisible_ChainedBranching_HiddenParentHidesChild()
    {
        var q3 = JobSeeker.GetItem("q3");
        var q4 = JobSeeker.GetItem("q4");
        var nei = Answers(("q2", "2"), ("q3", "2"));
        var jaDeltid = Answers(("q2", "1"), ("q3", "2"));

        Assert.False(JobSeeker.IsVisible(q3, nei));
        Assert.False(JobSeeker.IsVisible(q4, nei));
        Assert.True(JobSeeker.IsVisible(q4, jaDeltid));
        Assert.True(JobSeeker.IsVisible(JobSeeker.GetItem("q5"), nei));
    }

    [Fact]
    public void VisibleItems_NotInWork_SkipsInWorkBlockKeepsCommonPart()
    {
        var ids = JobSeeker.VisibleItems(Answers(("q2", "2"))).Select(i => i.Id).ToList();

        Assert.DoesNotContain("q3", ids);
        Assert.DoesNotContain("in_work_intro", ids);
        Assert.DoesNotContain("q12", ids);
        Assert.Contains("se_not_in_work_stem", ids);
        Assert.Contains("q23", ids);
        Assert.Contains("q40", ids);
        Assert.True(ids.IndexOf("q5") < ids.IndexOf("q23"));
    }

    [Fact]
    public void AnswerSet_Json_RoundTripsValuesAndVersion()
    {
        var answers = AnswerValidator.Validate(JobSeeker, Raw(("q2", ["2"]), ("q6", ["1", "2"]), ("q40", ["7"]))).Answers;

        var json = System.Text.Json.JsonSerializer.Serialize(answers, InstrumentJson.Options);
        var back = System.Text.Json.JsonSerializer.Deserialize<AnswerSet>(json, InstrumentJson.Options)!;

        Assert.Equal(1, back.InstrumentVersion);
        Assert.Equal("jobbmestring", back.InstrumentKey);
        Assert.Equal(["1", "2"], back.Ticked("q6"));
        Assert.Equal("7", back.ValueOf("q40"));
        Assert.Contains("\"instrument_version\": 1", json, StringComparison.Ordinal);
    }
}
