using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Trinn.Web.Tests.Infrastructure;

/// <summary>
/// PBKDF2 at 1,000 iterations in the test apps instead of Identity's 100,000. Every test user is created and signed in
/// through the real password hasher (same format, same verification), only cheaper: at 100,000 iterations the hashing
/// of a few thousand sign-ins and new users was minutes of the suite's CPU time on a 2-core machine. The apps the tests
/// start as separate processes, and production, keep Identity's default.
/// </summary>
public static class FastPasswordHashing
{
    public const int Iterations = 1_000;

    public static IServiceCollection UseFastPasswordHashing(this IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = Iterations);
}
