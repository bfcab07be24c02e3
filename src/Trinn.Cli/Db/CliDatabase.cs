using Microsoft.Extensions.Configuration;
using Trinn.Core.Data;
using Trinn.Core.NationalIds;

namespace Trinn.Cli.Db;

/// <summary>
/// The CLI reads the same settings as the web app: <c>appsettings.json</c> in the current folder (optional),
/// then the environment (<c>Database__Provider</c>, <c>Database__ConnectionString</c>), then command-line options.
/// </summary>
internal static class CliDatabase
{
    public static IConfiguration Configuration() => new ConfigurationBuilder()
        .SetBasePath(Directory.GetCurrentDirectory())
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static DatabaseOptions Options(string? provider, string? connection)
    {
        var configuration = Configuration();
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var encryptionKey = configuration["NationalIds:EncryptionKey"];
        var lookupKey = configuration["NationalIds:LookupKey"];
        if (!string.IsNullOrEmpty(encryptionKey) && !string.IsNullOrEmpty(lookupKey))
        {
            NationalIdProtector.Current = new NationalIdProtector(encryptionKey, lookupKey);
        }
        else
        {
            Console.Error.WriteLine("trinn: NationalIds:EncryptionKey/LookupKey not set; using the DEVELOPMENT keys.");
        }
        if (provider is not null)
        {
            options.Provider = Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var p)
                ? p
                : throw new CliException($"Unknown provider '{provider}': use Sqlite or Postgres.");
        }

        if (connection is not null)
        {
            options.ConnectionString = connection;
        }

        return options;
    }

    public static TrinnDbContext Open(DatabaseOptions options) =>
        DatabaseRegistration.CreateContext(options.Provider, options.ResolveConnectionString(Directory.GetCurrentDirectory()));
}

internal sealed class CliException : Exception
{
    public CliException(string message)
        : base(message)
    {
    }

    public CliException()
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
