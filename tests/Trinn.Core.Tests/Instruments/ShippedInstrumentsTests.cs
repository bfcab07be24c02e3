using System.Text.RegularExpressions;
using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Instruments.Fidelity;
using Trinn.Core.Instruments.Shipped;

namespace Trinn.Core.Tests.Instruments;

public partial class ShippedInstrumentsTests
{
    /// <summary>The report's Vedlegg 1 and 2 (seed lines 3512–4304), verbatim, with whitespace runs collapsed.</summary>
    private static readonly Lazy<string> Report = new(() =>
        Whitespace().Replace(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Instruments", "Fixtures", "report-vedlegg-1-2.txt")), " "));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static TheoryData<string> Keys => new(ShippedInstruments.FidelityKey, ShippedInstruments.JobSeekerKey);

    private static InstrumentDefinition ByKey(string key) => ShippedInstruments.All.Single(d => d.Key == key);

    [Theory]
    [MemberData(nameof(Keys))]
    public void Shipped_Definition_PassesChecksAndIsPublishedVersion1(string key)
    {
        var definition = ByKey(key);

        Assert.Empty(DefinitionCheck.Problems(definition));
        Assert.True(definition.Published);
        Assert.Equal(1, definition.Version);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Shipped_Wording_AppearsVerbatimInReportUnlessNoted(string key)
    {
        var missing = new List<string>();
        void Check(string? text, string where)
        {
            if (text is not null && !Report.Value.Contains(Whitespace().Replace(text, " "), StringComparison.Ordinal))
            {
                missing.Add($"{where}: {text}");
            }
        }

        foreach (var item in ByKey(key).Items)
        {
            if (item.Note is null)
            {
                Check(item.Label, item.Id);
                Check(item.Instruction, item.Id + " instruction");
                Check(item.Section, item.Id + " section");
                Check(item.MinLabel, item.Id + " min label");
                Check(item.MaxLabel, item.Id + " max label");
            }

            foreach (var option in item.Options.Where(o => o.Note is null))
            {
                Check(option.Label, $"{item.Id} option {option.Code}");
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Fidelity_Items_NineteenScoredItemsWithPrintedOptionCounts()
    {
        var definition = ShippedInstruments.Fidelity;
        var answerable = definition.Items.Where(i => i.IsAnswerable).ToList();

        Assert.Equal(Enumerable.Range(1, 19).Select(FidelityScale.ItemId), answerable.Select(i => i.Id));
        Assert.Equal([3, 7, 8, 19], answerable.Where(i => i.Type == ItemType.MultipleChoice).Select(i => int.Parse(i.Number!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(answerable, i => Assert.Equal(FidelityScale.OptionCount(int.Parse(i.Number!, System.Globalization.CultureInfo.InvariantCulture)), i.Options.Count));
        Assert.Equal("20 eller færre", definition.GetItem("item1").Options[4].Label);
    }

    [Fact]
    public void Fidelity_Item19_BoxFiveIsFamilyContactWithNoteOfDuplicate()
    {
        var box5 = ShippedInstruments.Fidelity.GetItem("item19").Options[4];
        var box4 = ShippedInstruments.Fidelity.GetItem("item19").Options[3];

        Assert.Equal("Brukerens familie/nettverk kontaktes når det er aktuelt.", box5.Label);
        Assert.Contains("Brukeren blir aktiv fulgt opp, gjennom hjemmebesøk", box5.Note, StringComparison.Ordinal);
        Assert.NotEqual(box4.Label, box5.Label);
    }

    [Fact]
    public void Fidelity_Item2_SecondBandRepairedTo74WithNote()
    {
        var option = ShippedInstruments.Fidelity.GetItem("item2").Options[1];

        Assert.Equal("60 % – 74 %", option.Label);
        Assert.Contains("60 % – 70 %", option.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void JobSeeker_Q1_SplitIntoGenderAndAgeWithNote()
    {
        var definition = ShippedInstruments.JobSeekerQuestionnaire;

        Assert.Equal(["Kvinne", "Mann"], definition.GetItem("q1a").Options.Select(o => o.Label));
        Assert.Equal(ItemType.Number, definition.GetItem("q1b").Type);
        Assert.Contains("mangler", definition.GetItem("q1a").Note, StringComparison.Ordinal);
    }

    [Fact]
    public void JobSeeker_Branching_InWorkAndNotInWorkBlocks()
    {
        var definition = ShippedInstruments.JobSeekerQuestionnaire;

        Assert.All(Enumerable.Range(12, 11), n => Assert.Equal("[q2] = '1'", definition.GetItem($"q{n}").ShowIf));
        Assert.All(Enumerable.Range(23, 5), n => Assert.Equal("[q2] = '2'", definition.GetItem($"q{n}").ShowIf));
        Assert.All(Enumerable.Range(28, 13), n => Assert.Null(definition.GetItem($"q{n}").ShowIf));
        Assert.Equal("[q3] = '2'", definition.GetItem("q4").ShowIf);
        Assert.Contains("spørsmål 4", definition.GetItem("q2").Note, StringComparison.Ordinal);
    }

    [Fact]
    public void JobSeeker_Q6_LastTwoOptionsExclusive()
    {
        var options = ShippedInstruments.JobSeekerQuestionnaire.GetItem("q6").Options;

        Assert.Equal(11, options.Count);
        Assert.Equal(["10", "11"], options.Where(o => o.Exclusive).Select(o => o.Code));
    }

    [Fact]
    public void Json_RoundTrip_SameDefinition()
    {
        foreach (var definition in ShippedInstruments.All)
        {
            var json = InstrumentJson.Serialize(definition);

            Assert.Equal(json, InstrumentJson.Serialize(InstrumentJson.Deserialize(json)));
            Assert.Contains("\"type\": \"single_choice\"", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NewVersion_OfPublished_UnpublishedNextVersionOriginalUnchanged()
    {
        var published = ShippedInstruments.Fidelity;

        var draft = published.NewVersion() with { Title = "Endret" };

        Assert.Equal(2, draft.Version);
        Assert.False(draft.Published);
        Assert.True(published.Published);
        Assert.Equal(1, published.Version);
        Assert.Equal("Supported Employment Fidelity Scale – norsk oversettelse", published.Title);
        Assert.True(draft.Publish().Published);
    }

    [Fact]
    public void Publish_DefinitionWithBranchingToLaterItem_Throws()
    {
        var definition = TestDefinitions.Instrument(TestDefinitions.Single("a", showIf: "[b] = '1'"), TestDefinitions.Single("b"));

        var error = Assert.Throws<InvalidOperationException>(() => definition.Publish());
        Assert.Contains("not an earlier item", error.Message, StringComparison.Ordinal);
    }
}
