# __iter__ must return an iterator; returning the list itself is a common slip.
class Playlist:
    def __init__(self, songs):
        self.songs = songs

    def __iter__(self):
        return self.songs


for song in Playlist(["intro", "outro"]):
    print(song)
