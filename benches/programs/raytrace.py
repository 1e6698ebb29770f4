# bench-args: 240
# default-args: 85
# test-args: 10
# Raytrace: a small Whitted-style ray tracer. Spheres and a checkerboard plane, two point
# lights with shadows, Lambert and Phong shading and recursive mirror reflection, rendered
# into a size x size image of 8-bit RGB triples. Stresses float math, vector objects with
# operator dunders, method calls, polymorphism and short-lived allocation.
# Argument: image width and height in pixels. Prints a checksum of the image.
import math
import sys

EPSILON = 1e-9
MAX_DEPTH = 4


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def __repr__(self):
        return f"Vec({self.x}, {self.y}, {self.z})"

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return Vec(self.y * o.z - self.z * o.y,
                   self.z * o.x - self.x * o.z,
                   self.x * o.y - self.y * o.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self * (1.0 / self.length())

    def reflected(self, normal):
        """This direction mirrored about the plane with the given unit normal."""
        return self - normal * (2.0 * self.dot(normal))


class Colour:
    __slots__ = ("r", "g", "b")

    def __init__(self, r, g, b):
        self.r = r
        self.g = g
        self.b = b

    def __add__(self, o):
        return Colour(self.r + o.r, self.g + o.g, self.b + o.b)

    def __mul__(self, k):
        return Colour(self.r * k, self.g * k, self.b * k)

    def tint(self, o):
        return Colour(self.r * o.r, self.g * o.g, self.b * o.b)

    def to_bytes(self):
        return tuple(max(0, min(255, int(c * 255.0 + 0.5))) for c in (self.r, self.g, self.b))


BLACK = Colour(0.0, 0.0, 0.0)


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def at(self, t):
        return self.origin + self.direction * t


class Shape:
    def __init__(self, surface):
        self.surface = surface

    def intersect(self, ray):
        """Distance along the ray to the nearest hit in front of its origin, or None."""
        raise NotImplementedError

    def normal_at(self, point):
        raise NotImplementedError


class Sphere(Shape):
    def __init__(self, centre, radius, surface):
        super().__init__(surface)
        self.centre = centre
        self.radius = radius

    def intersect(self, ray):
        to_centre = self.centre - ray.origin
        along = to_centre.dot(ray.direction)
        miss = to_centre.dot(to_centre) - along * along
        r2 = self.radius * self.radius
        if miss > r2:
            return None
        half = math.sqrt(r2 - miss)
        t = along - half
        if t > EPSILON:
            return t
        t = along + half
        return t if t > EPSILON else None

    def normal_at(self, point):
        return (point - self.centre).normalized()


class Plane(Shape):
    def __init__(self, point, normal, surface):
        super().__init__(surface)
        self.point = point
        self.normal = normal.normalized()

    def intersect(self, ray):
        facing = ray.direction.dot(self.normal)
        if abs(facing) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / facing
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Surface:
    def __init__(self, colour, ambient=0.1, diffuse=0.7, specular=0.3, shininess=40,
                 mirror=0.0):
        self.colour = colour
        self.ambient = ambient
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.mirror = mirror

    def colour_at(self, point):
        return self.colour


class Checkerboard(Surface):
    def __init__(self, light, dark, square, **shading):
        super().__init__(light, **shading)
        self.dark = dark
        self.square = square

    def colour_at(self, point):
        ix = math.floor(point.x / self.square)
        iz = math.floor(point.z / self.square)
        return self.colour if (ix + iz) % 2 == 0 else self.dark


class Light:
    def __init__(self, position, colour):
        self.position = position
        self.colour = colour


class Scene:
    def __init__(self, eye, look_at, fov_degrees):
        self.shapes = []
        self.lights = []
        self.eye = eye
        self.forward = (look_at - eye).normalized()
        self.right = self.forward.cross(Vec(0.0, 1.0, 0.0)).normalized()
        self.up = self.right.cross(self.forward)
        self.half_width = math.tan(math.radians(fov_degrees) / 2.0)
        self.background = Colour(0.05, 0.07, 0.12)
        self.rays_cast = 0

    def nearest_hit(self, ray):
        best_t = None
        best_shape = None
        for shape in self.shapes:
            t = shape.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best_shape = shape
        return best_t, best_shape

    def in_shadow(self, point, light):
        to_light = light.position - point
        distance = to_light.length()
        probe = Ray(point, to_light)
        for shape in self.shapes:
            t = shape.intersect(probe)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        self.rays_cast += 1
        t, shape = self.nearest_hit(ray)
        if shape is None:
            return self.background
        point = ray.at(t)
        normal = shape.normal_at(point)
        if normal.dot(ray.direction) > 0.0:
            normal = -normal
        surface = shape.surface
        base = surface.colour_at(point)
        colour = base * surface.ambient
        nudged = point + normal * 1e-6
        for light in self.lights:
            if self.in_shadow(nudged, light):
                continue
            to_light = (light.position - point).normalized()
            lambert = normal.dot(to_light)
            if lambert <= 0.0:
                continue
            colour = colour + base.tint(light.colour) * (surface.diffuse * lambert)
            bounce = (-to_light).reflected(normal)
            highlight = -bounce.dot(ray.direction)
            if highlight > 0.0:
                colour = colour + light.colour * (surface.specular * highlight ** surface.shininess)
        if surface.mirror > 0.0 and depth < MAX_DEPTH:
            mirror_ray = Ray(nudged, ray.direction.reflected(normal))
            colour = colour + self.trace(mirror_ray, depth + 1) * surface.mirror
        return colour

    def render(self, width, height):
        pixels = []
        aspect = height / width
        for row in range(height):
            y = (1.0 - 2.0 * (row + 0.5) / height) * self.half_width * aspect
            for col in range(width):
                x = (2.0 * (col + 0.5) / width - 1.0) * self.half_width
                direction = self.forward + self.right * x + self.up * y
                pixels.append(self.trace(Ray(self.eye, direction), 0).to_bytes())
        return pixels


def build_scene():
    scene = Scene(Vec(0.0, 1.6, -6.0), Vec(0.0, 0.8, 0.0), 50.0)
    scene.shapes.append(Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0),
                              Checkerboard(Colour(0.9, 0.9, 0.85), Colour(0.15, 0.15, 0.2), 1.0,
                                           mirror=0.25, specular=0.1)))
    scene.shapes.append(Sphere(Vec(0.0, 1.0, 0.5), 1.0,
                               Surface(Colour(0.8, 0.2, 0.2), mirror=0.4)))
    scene.shapes.append(Sphere(Vec(-2.0, 0.6, -0.6), 0.6,
                               Surface(Colour(0.2, 0.7, 0.3), shininess=10)))
    scene.shapes.append(Sphere(Vec(1.8, 0.5, -1.0), 0.5,
                               Surface(Colour(0.25, 0.35, 0.9), mirror=0.6, diffuse=0.4)))
    scene.shapes.append(Sphere(Vec(0.9, 2.4, 2.5), 0.7,
                               Surface(Colour(0.95, 0.8, 0.3), specular=0.6)))
    scene.lights.append(Light(Vec(-5.0, 8.0, -6.0), Colour(0.9, 0.9, 0.9)))
    scene.lights.append(Light(Vec(6.0, 4.0, -3.0), Colour(0.4, 0.35, 0.3)))
    return scene


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 240
    scene = build_scene()
    pixels = scene.render(size, size)
    checksum = 0
    totals = [0, 0, 0]
    for rgb in pixels:
        for i in range(3):
            totals[i] += rgb[i]
            checksum = (checksum * 257 + rgb[i]) % 2147483647
    print("pixels", len(pixels), "rays", scene.rays_cast)
    print("mean rgb", [round(t / len(pixels), 3) for t in totals])
    print("centre", pixels[(size // 2) * size + size // 2])
    print("checksum", checksum)


main()
