// Port of lua/nbody.lua (= /work/shared/bench-programs/small/n-body.lua), arg N.
function main() { /*{T*/
  const t0 = performance.now();
  const sun = @newt(), jupiter = @newt(), saturn = @newt(), uranus = @newt(), neptune = @newt();
  const sqrt = @bi(sqrt);
  const PI = @flt(3.141592653589793);
  const SOLAR_MASS = @mul(@mul(4, PI), PI);
  const DAYS_PER_YEAR = @flt(365.24);
  @set(sun, "x", @flt(0.0))
  @set(sun, "y", @flt(0.0))
  @set(sun, "z", @flt(0.0))
  @set(sun, "vx", @flt(0.0))
  @set(sun, "vy", @flt(0.0))
  @set(sun, "vz", @flt(0.0))
  @set(sun, "mass", SOLAR_MASS)
  @set(jupiter, "x", @flt(4.84143144246472090e+00))
  @set(jupiter, "y", @flt(-1.16032004402742839e+00))
  @set(jupiter, "z", @flt(-1.03622044471123109e-01))
  @set(jupiter, "vx", @mul(@flt(1.66007664274403694e-03), DAYS_PER_YEAR))
  @set(jupiter, "vy", @mul(@flt(7.69901118419740425e-03), DAYS_PER_YEAR))
  @set(jupiter, "vz", @mul(@flt(-6.90460016972063023e-05), DAYS_PER_YEAR))
  @set(jupiter, "mass", @mul(@flt(9.54791938424326609e-04), SOLAR_MASS))
  @set(saturn, "x", @flt(8.34336671824457987e+00))
  @set(saturn, "y", @flt(4.12479856412430479e+00))
  @set(saturn, "z", @flt(-4.03523417114321381e-01))
  @set(saturn, "vx", @mul(@flt(-2.76742510726862411e-03), DAYS_PER_YEAR))
  @set(saturn, "vy", @mul(@flt(4.99852801234917238e-03), DAYS_PER_YEAR))
  @set(saturn, "vz", @mul(@flt(2.30417297573763929e-05), DAYS_PER_YEAR))
  @set(saturn, "mass", @mul(@flt(2.85885980666130812e-04), SOLAR_MASS))
  @set(uranus, "x", @flt(1.28943695621391310e+01))
  @set(uranus, "y", @flt(-1.51111514016986312e+01))
  @set(uranus, "z", @flt(-2.23307578892655734e-01))
  @set(uranus, "vx", @mul(@flt(2.96460137564761618e-03), DAYS_PER_YEAR))
  @set(uranus, "vy", @mul(@flt(2.37847173959480950e-03), DAYS_PER_YEAR))
  @set(uranus, "vz", @mul(@flt(-2.96589568540237556e-05), DAYS_PER_YEAR))
  @set(uranus, "mass", @mul(@flt(4.36624404335156298e-05), SOLAR_MASS))
  @set(neptune, "x", @flt(1.53796971148509165e+01))
  @set(neptune, "y", @flt(-2.59193146099879641e+01))
  @set(neptune, "z", @flt(1.79258772950371181e-01))
  @set(neptune, "vx", @mul(@flt(2.68067772490389322e-03), DAYS_PER_YEAR))
  @set(neptune, "vy", @mul(@flt(1.62824170038242295e-03), DAYS_PER_YEAR))
  @set(neptune, "vz", @mul(@flt(-9.51592254519715870e-05), DAYS_PER_YEAR))
  @set(neptune, "mass", @mul(@flt(5.15138902046611451e-05), SOLAR_MASS))

  const bodies = @newarr(sun, jupiter, saturn, uranus, neptune);

  const advance = function (bodies, nbody, dt) { /*{T*/
    @enter
    const lim = @forlim(nbody);
    for (let i = 1; i <= lim; i++) {
      const bi = @geti(bodies, i);
      let bix = @get(bi, "x"), biy = @get(bi, "y"), biz = @get(bi, "z"), bimass = @get(bi, "mass");
      let bivx = @get(bi, "vx"), bivy = @get(bi, "vy"), bivz = @get(bi, "vz");
      for (let j = @add(i, 1); j <= lim; j++) {
        const bj = @geti(bodies, j);
        let dx = @sub(bix, @get(bj, "x")), dy = @sub(biy, @get(bj, "y")), dz = @sub(biz, @get(bj, "z"));
        let dist2 = @add(@add(@mul(dx, dx), @mul(dy, dy)), @mul(dz, dz));
        let mag = @call1(sqrt, dist2);
        mag = @div(dt, @mul(mag, dist2));
        let bm = @mul(@get(bj, "mass"), mag);
        bivx = @sub(bivx, @mul(dx, bm));
        bivy = @sub(bivy, @mul(dy, bm));
        bivz = @sub(bivz, @mul(dz, bm));
        bm = @mul(bimass, mag);
        @set(bj, "vx", @add(@get(bj, "vx"), @mul(dx, bm)))
        @set(bj, "vy", @add(@get(bj, "vy"), @mul(dy, bm)))
        @set(bj, "vz", @add(@get(bj, "vz"), @mul(dz, bm)))
      }
      @set(bi, "vx", bivx)
      @set(bi, "vy", bivy)
      @set(bi, "vz", bivz)
      @set(bi, "x", @add(bix, @mul(dt, bivx)))
      @set(bi, "y", @add(biy, @mul(dt, bivy)))
      @set(bi, "z", @add(biz, @mul(dt, bivz)))
    }
    @end
  /*T}*/ };

  const energy = function (bodies, nbody) { /*{T*/
    @enter
    let e = 0;
    const lim = @forlim(nbody);
    for (let i = 1; i <= lim; i++) {
      const bi = @geti(bodies, i);
      const vx = @get(bi, "vx"), vy = @get(bi, "vy"), vz = @get(bi, "vz"), bim = @get(bi, "mass");
      e = @add(e, @mul(@mul(@flt(0.5), bim), @add(@add(@mul(vx, vx), @mul(vy, vy)), @mul(vz, vz))));
      for (let j = @add(i, 1); j <= lim; j++) {
        const bj = @geti(bodies, j);
        const dx = @sub(@get(bi, "x"), @get(bj, "x")), dy = @sub(@get(bi, "y"), @get(bj, "y")), dz = @sub(@get(bi, "z"), @get(bj, "z"));
        const distance = @call1(sqrt, @add(@add(@mul(dx, dx), @mul(dy, dy)), @mul(dz, dz)));
        e = @sub(e, @div(@mul(bim, @get(bj, "mass")), distance));
      }
    }
    @ret(e)
  /*T}*/ };

  const offsetMomentum = function (b, nbody) { /*{T*/
    @enter
    let px = 0, py = 0, pz = 0;
    const lim = @forlim(nbody);
    for (let i = 1; i <= lim; i++) {
      const bi = @geti(b, i);
      const bim = @get(bi, "mass");
      px = @add(px, @mul(@get(bi, "vx"), bim));
      py = @add(py, @mul(@get(bi, "vy"), bim));
      pz = @add(pz, @mul(@get(bi, "vz"), bim));
    }
    @set(@geti(b, 1), "vx", @div(@unm(px), SOLAR_MASS))
    @set(@geti(b, 1), "vy", @div(@unm(py), SOLAR_MASS))
    @set(@geti(b, 1), "vz", @div(@unm(pz), SOLAR_MASS))
    @end
  /*T}*/ };

  const N = Number(process.argv[2] ?? 1000);
  const nbody = @len(bodies);
  @callS(offsetMomentum, bodies, nbody)
  process.stdout.write(fmt9(@call1(energy, bodies, nbody)) + '\n');
  for (let i = 1; i <= N; i++) {
    @callS(advance, bodies, nbody, @flt(0.01))
  }
  process.stdout.write(fmt9(@call1(energy, bodies, nbody)) + '\n');
  reportTime(performance.now() - t0);
/*T}*/ }
main();
