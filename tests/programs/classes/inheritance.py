class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " says " + self.sound
    def describe(self):
        return "Animal " + self.name
class Dog(Animal):
    sound = "woof"
    def __init__(self, name, breed):
        Animal.__init__(self, name)
        self.breed = breed
    def describe(self):
        return Animal.describe(self) + " (" + self.breed + ")"
class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + "!!"
class Cat(Animal):
    sound = "meow"
animals = [Animal("generic"), Dog("rex", "lab"), Puppy("bit", "pug"), Cat("tom")]
for a in animals:
    print(a.speak(), "|", a.describe())
print(isinstance(animals[2], Dog), isinstance(animals[2], Animal), isinstance(animals[3], Dog))
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), issubclass(Dog, Dog), issubclass(Dog, (Cat, Animal)))
print(isinstance(animals[1], (Cat, Puppy)), isinstance(animals[1], (Cat, Dog)), isinstance(3, (str, int)))
print([type(a).__name__ for a in animals])
print(Puppy("p", "x").sound, Puppy.sound)
