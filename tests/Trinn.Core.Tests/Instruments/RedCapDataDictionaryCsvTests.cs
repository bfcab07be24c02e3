using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Instruments.RedCap;
using Trinn.Core.Instruments.Shipped;

namespace Trinn.Core.Tests.Instruments;

public class RedCapDataDictionaryCsvTests
{
    private const string Header =
        "\"Variable / Field Name\",\"Form Name\",\"Section Header\",\"Field Type\",\"Field Label\",\"Choices, Calculations, OR Slider Labels\",\"Field Note\"," +
        "\"Text Validation Type OR Show Slider Number\",\"Text Validation Min\",\"Text Validation Max\",Identifier?,\"Branching Logic (Show field only if...)\"," +
        "\"Required Field?\",\"Custom Alignment\",\"Question Number (surveys only)\",\"Matrix Group Name\",\"Matrix Ranking?\",\"Field Annotation\"";

    public static TheoryData<string> Keys => new(ShippedInstruments.FidelityKey, ShippedInstruments.JobSeekerKey);

    [Theory]
    [MemberData(nameof(Keys))]
    public void ExportThenImport_ShippedInstrument_EqualDefinition(string key)
    {
        var original = ShippedInstruments.All.Single(d => d.Key == key);

        var imported = RedCapDataDictionaryCsv.Import(RedCapDataDictionaryCsv.Export(original));

        Assert.Equal(InstrumentJson.Serialize(original), InstrumentJson.Serialize(imported));
    }

    [Fact]
    public void Export_JobSeeker_StandardColumnsAndRedCapFieldRows()
    {
        var csv = RedCapDataDictionaryCsv.Export(ShippedInstruments.JobSeekerQuestionnaire);
        var lines = csv.Split("\r\n");

        Assert.StartsWith("Variable / Field Name,Form Name,Section Header,Field Type,Field Label,\"Choices, Calculations, OR Slider Labels\",Field Note,", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",Question Number (surveys only),Matrix Group Name,Matrix Ranking?,Field Annotation", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("q3,jobbmestring,,radio,\"Hvis ja, jobber du heltid eller deltid?\",\"1, Heltid | 2, Deltid\",(Kryss av for ett av alternativene),,,,,[q2] = '1',,,3,,,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("q4,jobbmestring,,text,\"Hvis du jobber deltid, hvor mange prosent jobber du?\",,,number,0,100,,[q3] = '2',", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("q40,jobbmestring,,slider,Hvordan vurderer du din arbeidsevne?,Helt uten evne til å arbeide | | Min beste arbeidsevne,,number,0,10,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("q1b,jobbmestring,,text,Alder,,,integer,16,100,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("dato,jobbmestring,,text,Dato for utfylling,,,date_dmy,", StringComparison.Ordinal));
        Assert.Contains("@NONEOFTHEABOVE='10,11'", csv, StringComparison.Ordinal);
        Assert.Contains("@TRINN-SCORE=[{\"\"id\"\":\"\"rtw_expectancy\"\"", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_HandWrittenRedCapSnippet_ItemsAsExpected()
    {
        var csv = string.Join("\n",
            Header,
            "intro,survey,Om deg,descriptive,\"Les dette først, takk.\",,,,,,,,,,,,,",
            "in_work,survey,,radio,Er du i arbeid?,\"1, Ja | 2, Nei\",Kryss av for ett,,,,,,y,,2,,,",
            "hours,survey,,text,Hvor mange timer?,,,integer,0,60,,\"[in_work] = '1' and [benefits(3)] <> '1'\",,,3,,,",
            "benefits,survey,,checkbox,Ytelser,\"1, Sykepenger | 2, AAP | 3, Ingen, takk\",,,,,,,,,,,,\"@NONEOFTHEABOVE='3'\"",
            "start,survey,,text,Startdato,,,date_dmy,,,,,,,,,,",
            "comment,survey,,notes,Kommentar,,,,,,,,,,,,,@CHARLIMIT=200",
            "wai,survey,,slider,Arbeidsevne,Ingen | Middels | Beste,,number,0,10,,,,,,,,",
            "email,survey,,text,E-post,,,email,,,y,,,,,,,",
            "ok,survey,,yesno,Greit?,,,,,,,,,,,,,");

        var definition = RedCapDataDictionaryCsv.Import(csv);

        Assert.Equal("survey", definition.Key);
        Assert.Equal(1, definition.Version);
        Assert.False(definition.Published);
        Assert.Equal(["intro", "in_work", "hours", "benefits", "start", "comment", "wai", "email", "ok"], definition.Items.Select(i => i.Id));

        var intro = definition.GetItem("intro");
        Assert.Equal(ItemType.Descriptive, intro.Type);
        Assert.Equal("Om deg", intro.Section);
        Assert.Equal("Les dette først, takk.", intro.Label);

        var inWork = definition.GetItem("in_work");
        Assert.Equal(ItemType.SingleChoice, inWork.Type);
        Assert.True(inWork.Required);
        Assert.Equal("2", inWork.Number);
        Assert.Equal("Kryss av for ett", inWork.Instruction);
        Assert.Equal([("1", "Ja"), ("2", "Nei")], inWork.Options.Select(o => (o.Code, o.Label)));

        var hours = definition.GetItem("hours");
        Assert.Equal(ItemType.Number, hours.Type);
        Assert.True(hours.WholeNumbers);
        Assert.Equal(0m, hours.Min);
        Assert.Equal(60m, hours.Max);
        Assert.Equal("[in_work] = '1' and [benefits(3)] <> '1'", hours.ShowIf);

        var benefits = definition.GetItem("benefits");
        Assert.Equal(ItemType.MultipleChoice, benefits.Type);
        Assert.Equal("Ingen, takk", benefits.Options[2].Label);
        Assert.Equal([false, false, true], benefits.Options.Select(o => o.Exclusive));

        Assert.Equal(ItemType.Date, definition.GetItem("start").Type);
        Assert.Equal(ItemType.Text, definition.GetItem("comment").Type);
        Assert.Equal(200, definition.GetItem("comment").MaxLength);

        var wai = definition.GetItem("wai");
        Assert.Equal(ItemType.Scale, wai.Type);
        Assert.Equal((0m, 10m), (wai.Min!.Value, wai.Max!.Value));
        Assert.Equal(("Ingen", "Beste"), (wai.MinLabel, wai.MaxLabel));

        Assert.Equal(ItemType.Text, definition.GetItem("email").Type);
        Assert.Equal(["1", "0"], definition.GetItem("ok").Options.Select(o => o.Code));
    }

    [Fact]
    public void Import_HandWrittenSnippet_BranchingWorksInValidation()
    {
        var csv = string.Join("\n",
            Header,
            "in_work,survey,,radio,Er du i arbeid?,\"1, Ja | 2, Nei\",,,,,,,y,,,,,",
            "hours,survey,,text,Timer,,,integer,0,60,,[in_work] = '1',,,,,,");
        var definition = RedCapDataDictionaryCsv.Import(csv);

        var result = Trinn.Core.Instruments.AnswerValidator.Validate(definition,
            TestDefinitions.Raw(("in_work", ["2"]), ("hours", ["30"])));

        Assert.True(result.IsValid);
        Assert.False(result.Answers.IsAnswered("hours"));
    }

    [Theory]
    [InlineData("x,survey,,calc,Sum,[a]+[b],,,,,,,,,,,,", "Rad 2", "calc")]
    [InlineData("x,survey,,radio,Spm,\"1, Ja | 2, Nei\",,,,,,datediff([d],'today','y') > 1,,,,,,", "Rad 2", "forgreiningen")]
    [InlineData("X1,survey,,radio,Spm,\"1, Ja | 2, Nei\",,,,,,,,,,,,", "Rad 2", "variabelnavn")]
    [InlineData("x,survey,,radio,Spm,Ja | Nei,,,,,,,,,,,,", "Rad 2", "kode, tekst")]
    public void Import_Unsupported_ThrowsWithRow(string row, string where, string detail)
    {
        var error = Assert.Throws<RedCapImportException>(() => RedCapDataDictionaryCsv.Import(Header + "\n" + row));

        Assert.StartsWith(where, error.Message, StringComparison.Ordinal);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MissingColumn_ThrowsNamingIt()
    {
        var error = Assert.Throws<RedCapImportException>(() => RedCapDataDictionaryCsv.Import(Header.Replace(",\"Field Annotation\"", string.Empty, StringComparison.Ordinal)));

        Assert.Contains("«Field Annotation»", error.Message, StringComparison.Ordinal);
    }
}
