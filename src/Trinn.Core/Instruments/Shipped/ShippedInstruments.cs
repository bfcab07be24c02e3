using Trinn.Core.Instruments.Definitions;

namespace Trinn.Core.Instruments.Shipped;

/// <summary>The two instruments of the report, embedded as JSON (<c>Instruments/Shipped/*.json</c>).</summary>
public static class ShippedInstruments
{
    public const string FidelityKey = "se_fidelity";
    public const string JobSeekerKey = "jobbmestring";

    private static readonly Lazy<InstrumentDefinition> FidelityScale = new(() => Load("se_fidelity.v1.json"));
    private static readonly Lazy<InstrumentDefinition> JobSeeker = new(() => Load("jobbmestring.v1.json"));

    /// <summary>Vedlegg 1: the modified Norwegian Supported Employment Fidelity Scale (19 items).</summary>
    public static InstrumentDefinition Fidelity => FidelityScale.Value;

    /// <summary>Vedlegg 2: «Spørreskjema jobbmestring og motivasjon» with branching and construct scores.</summary>
    public static InstrumentDefinition JobSeekerQuestionnaire => JobSeeker.Value;

    public static IReadOnlyList<InstrumentDefinition> All => [Fidelity, JobSeekerQuestionnaire];

    private static InstrumentDefinition Load(string fileName)
    {
        var name = "Trinn.Instruments." + fileName;
        using var stream = typeof(ShippedInstruments).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded instrument '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return InstrumentJson.Deserialize(reader.ReadToEnd());
    }
}
