var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => Results.Ok());
await app.RunAsync();

#pragma warning disable CA1515 // WebApplicationFactory<Program> needs a public entry point type.
public partial class Program;
#pragma warning restore CA1515
