using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Instruments.RedCap;

namespace Trinn.Core.Tests.Surveys;

/// <summary>A dictionary shaped like a real REDCap export: CRLF, HTML in labels, string choice codes, autocomplete and date_ymd, descriptive fields, blank trailing rows.</summary>
public sealed class RedCapExportShapeTests
{
    private const string Header = "\"Variable / Field Name\",\"Form Name\",\"Section Header\",\"Field Type\",\"Field Label\",\"Choices, Calculations, OR Slider Labels\",\"Field Note\",\"Text Validation Type OR Show Slider Number\",\"Text Validation Min\",\"Text Validation Max\",Identifier?,\"Branching Logic (Show field only if...)\",\"Required Field?\",\"Custom Alignment\",\"Question Number (surveys only)\",\"Matrix Group Name\",\"Matrix Ranking?\",\"Field Annotation\"";

    private static readonly string Dictionary = string.Join("\r\n",
        Header,
        "intro,oppfolging,,descriptive,\"<p><b>Velkommen</b> til&nbsp;skjemaet</p>\",,,,,,,,,,,,,",
        "dato,oppfolging,,text,Dato,,,date_ymd,,,,,y,,,,,",
        "kommune,oppfolging,,dropdown,<i>Kommune</i>,\"oslo, Oslo | bergen, Bergen | annet, Annet\",,autocomplete,,,,,,,,,,@HIDDEN-SURVEY",
        "jobber,oppfolging,<h4>Arbeid</h4>,radio,Er du i arbeid?,\"yes, Ja | no, Nei\",,,,,,,y,,,,,",
        "timer,oppfolging,,text,Timer per uke,,,integer,0,60,,[jobber] = 'yes',,,,,,",
        "poeng,oppfolging,,calc,Poeng,[timer]*2,,,,,,,,,,,,",
        ",,,,,,,,,,,,,,,,,",
        ",,,,,,,,,,,,,,,,,",
        "");

    [Fact]
    public void ImportWithReport_RealExportShape_SkipsBlankRowsAndReportsWhatDidNotCarryOver()
    {
        var result = RedCapDataDictionaryCsv.ImportWithReport(Dictionary);
        var d = result.Definition;

        Assert.Equal("oppfolging", d.Key);
        Assert.Equal(["intro", "dato", "kommune", "jobber", "timer"], d.Items.Select(i => i.Id));
        Assert.Equal("Velkommen til skjemaet", d.GetItem("intro").Label);
        Assert.Equal(ItemType.Descriptive, d.GetItem("intro").Type);
        Assert.Equal(ItemType.Date, d.GetItem("dato").Type);
        Assert.Equal("Kommune", d.GetItem("kommune").Label);
        Assert.Equal(["oslo", "bergen", "annet"], d.GetItem("kommune").Options.Select(o => o.Code));
        Assert.Equal("Arbeid", d.GetItem("jobber").Section);
        Assert.Equal("[jobber] = 'yes'", d.GetItem("timer").ShowIf);
        Assert.Empty(DefinitionCheck.Problems(d));
        Assert.Contains(result.Notes, n => n.Contains("«poeng» (calc) er utelatt", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("autoutfylling", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("@HIDDEN-SURVEY", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("HTML", StringComparison.Ordinal));
        Assert.True(d.IsVisible(d.GetItem("timer"), AnswerSet.FromSingles(new Dictionary<string, string> { ["jobber"] = "yes" })));
    }

    [Fact]
    public void Import_BlankTrailingRows_NoLongerRefusedAsASecondForm()
    {
        var withoutCalc = Dictionary.Replace("poeng,oppfolging,,calc,Poeng,[timer]*2,,,,,,,,,,,,\r\n", "", StringComparison.Ordinal);

        var definition = RedCapDataDictionaryCsv.Import(withoutCalc);

        Assert.Equal(5, definition.Items.Count);
    }

    [Fact]
    public void ShippedQuestionnaire_ExportThenImportWithReport_RoundTripsWithoutNotes()
    {
        var shipped = Trinn.Core.Instruments.Shipped.ShippedInstruments.JobSeekerQuestionnaire;
        var csv = RedCapDataDictionaryCsv.Export(shipped).Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n,,,,,,,,,,,,,,,,,\r\n";

        var result = RedCapDataDictionaryCsv.ImportWithReport(csv);

        Assert.Equal(shipped.Items.Select(i => i.Id), result.Definition.Items.Select(i => i.Id));
        Assert.Equal(shipped.Scores.Select(s => s.Id), result.Definition.Scores.Select(s => s.Id));
    }
}
