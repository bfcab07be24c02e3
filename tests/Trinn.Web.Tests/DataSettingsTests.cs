using Microsoft.Extensions.Options;

namespace Trinn.Web.Tests;

/// <summary>
/// The database and national-ID settings are bound and validated when the app starts (the same registration as the
/// CLI): a wrong one stops the start with a message naming it, before any database work.
/// </summary>
public sealed class DataSettingsTests
{
    private static readonly string ShortKey = Convert.ToBase64String(new byte[16]);

    public static TheoryData<string, string, string?, string> BadSettings() => new()
    {
        { "Production", "NationalIds:EncryptionKey", null, "NationalIds:EncryptionKey and NationalIds:LookupKey must be set (32 bytes each, base64)" },
        { "Production", "NationalIds:EncryptionKey", ShortKey, "NationalIds:EncryptionKey must be 32 bytes in base64" },
        { "Testing", "NationalIds:LookupKey", "not base64!", "NationalIds:LookupKey must be 32 bytes in base64" },
        { "Testing", "Database:ConnectionString", null, "Database:ConnectionString is required for PostgreSQL." },
        { "Testing", "Database:SqliteMaxSizeMegabytes", "0", "Database:SqliteMaxSizeMegabytes must be more than 0" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Startup_BadDataSetting_FailsWithTheSettingNamed(string environment, string key, string? value, string expected)
    {
        using var factory = new Misconfigured(environment, key, value);

        var error = Assert.Throws<OptionsValidationException>(() => factory.Server);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private sealed class Misconfigured(string environment, string key, string? value) : TrinnFactory
    {
        protected override string EnvironmentName => environment;

        protected override Dictionary<string, string?> Settings()
        {
            var settings = ProductionFactory.WithProductionKeys(base.Settings());
            if (key == "NationalIds:EncryptionKey" && value is null)
            {
                settings.Remove("NationalIds:LookupKey");
            }

            if (key == "Database:ConnectionString")
            {
                settings["Database:Provider"] = "Postgres";
            }

            settings[key] = value;
            return settings;
        }
    }
}
