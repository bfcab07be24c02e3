using System.Globalization;
using System.Resources;

namespace Trinn.Core.Instruments;

/// <summary>Norwegian (bokmål) field-error messages from <c>InstrumentMessages.resx</c>, without a generated designer class.</summary>
public static class InstrumentMessages
{
    private static readonly ResourceManager Resources =
        new("Trinn.Core.Instruments.InstrumentMessages", typeof(InstrumentMessages).Assembly);

    /// <summary>Culture used for numbers inside messages shown to users.</summary>
    public static CultureInfo Norwegian { get; } = CultureInfo.GetCultureInfo("nb-NO");

    public static string Get(string name, params object[] args)
    {
        var template = Resources.GetString(name, Norwegian)
            ?? throw new InvalidOperationException($"Missing message '{name}' in InstrumentMessages.resx.");
        return args.Length == 0 ? template : string.Format(Norwegian, template, args);
    }
}
